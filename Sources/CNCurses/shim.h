#ifndef BATCHTOP_CNCURSES_SHIM_H
#define BATCHTOP_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>
#include <poll.h>
#include <unistd.h>

/* Swift 6 cannot read C globals (not concurrency-safe) nor the NCURSES_BITS attribute macros: accessors instead. */
static inline WINDOW *batchtop_stdscr(void) { return stdscr; }
static inline WINDOW *batchtop_curscr(void) { return curscr; }
static inline const char *batchtop_codeset(void) { return nl_langinfo(CODESET); }
static inline int batchtop_lines(void) { return LINES; }
static inline int batchtop_cols(void) { return COLS; }
static inline int batchtop_colors(void) { return COLORS; }
static inline int batchtop_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *batchtop_stdin(void) { return stdin; }
static inline FILE *batchtop_stdout(void) { return stdout; }
static inline attr_t batchtop_a_bold(void) { return A_BOLD; }
static inline attr_t batchtop_a_dim(void) { return A_DIM; }
static inline attr_t batchtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t batchtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t batchtop_a_normal(void) { return A_NORMAL; }

/* Draws one grapheme (UTF-8 bytes) at the cursor with attributes and a colour pair; returns ERR or OK. */
static inline int batchtop_put_cell(const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    int extended = pair;
    if (setcchar(&cell, text, attrs, (short)(pair > 32767 ? 0 : pair), &extended) == ERR) { return ERR; }
    return wadd_wch(stdscr, &cell);
}

/* Mouse: the button masks are macros Swift cannot import. */
static inline mmask_t batchtop_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int batchtop_mouse_event(int *x, int *y, int *kind) {
    MEVENT event;
    if (getmouse(&event) != OK) { return ERR; }
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) { *kind = -1; }
    else if (event.bstate & BUTTON5_PRESSED) { *kind = 1; }
    else if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) { *kind = 0; }
    else { return ERR; }
    return OK;
}

/* True when standard input has hung up, failed or closed (poll reports HUP, ERR or NVAL). */
static inline int batchtop_input_closed(void) {
    struct pollfd input = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
    if (poll(&input, 1, 0) < 0) { return 0; }
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* True when the terminal can address the cursor (TERM=dumb cannot). */
static inline int batchtop_can_position_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1 && cup[0] != 0;
}

/* The bytes that leave full-screen mode (attributes off, cursor visible, keypad off, mouse reporting off, alternate
 * screen off), for the crash handler, which may not call ncurses. Padding ($<..>) is dropped. Returns the length. */
static inline size_t batchtop_restore_sequence(char *out, size_t capacity, int mouse) {
    const char *names[] = { "sgr0", "cnorm", "rmkx", "rmcup" };
    size_t length = 0;
    if (mouse) {
        const char *off = "\033[?1006l\033[?1003l\033[?1002l\033[?1000l";
        for (const char *p = off; *p && length + 1 < capacity; p++) { out[length++] = *p; }
    }
    for (int i = 0; i < 4; i++) {
        const char *value = tigetstr(names[i]);
        if (value == NULL || value == (char *)-1) { continue; }
        for (const char *p = value; *p && length + 1 < capacity; p++) {
            if (p[0] == '$' && p[1] == '<') {
                while (*p && *p != '>') { p++; }
                if (!*p) { break; }
                continue;
            }
            out[length++] = *p;
        }
    }
    return length;
}
#endif
