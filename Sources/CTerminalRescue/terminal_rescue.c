#define _GNU_SOURCE
#include "terminal_rescue.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum { RESTORE_CAPACITY = 512, REPLAY_CAPACITY = 16384, ALTERNATE_STACK = 65536 };

static const int fatal_signals[] = { SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE };
#define FATAL_SIGNAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])

static struct termios saved_modes;
static int have_saved_modes = 0;
static char restore_bytes[RESTORE_CAPACITY];
static size_t restore_length = 0;
static volatile sig_atomic_t armed = 0;
static struct sigaction previous_actions[FATAL_SIGNAL_COUNT];
static int capture_read = -1;
static int original_stderr = -1;
static char replay[REPLAY_CAPACITY];
static size_t replay_start = 0;
static size_t replay_length = 0;
static char alternate_stack[ALTERNATE_STACK];

/* write(2) until done or failed; async-signal-safe. */
static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) { continue; }
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

/* Appends to the ring, keeping the newest REPLAY_CAPACITY bytes. */
static void keep(const char *bytes, size_t length) {
    for (size_t i = 0; i < length; i++) {
        size_t end = (replay_start + replay_length) % REPLAY_CAPACITY;
        replay[end] = bytes[i];
        if (replay_length < REPLAY_CAPACITY) {
            replay_length++;
        } else {
            replay_start = (replay_start + 1) % REPLAY_CAPACITY;
        }
    }
}

int batchtop_rescue_capture_fd(void) { return capture_read; }

void batchtop_rescue_drain(void) {
    if (capture_read < 0) { return; }
    char chunk[4096];
    for (;;) {
        ssize_t got = read(capture_read, chunk, sizeof chunk);
        if (got > 0) {
            keep(chunk, (size_t)got);
            continue;
        }
        if (got < 0 && errno == EINTR) { continue; }
        return;
    }
}

/* Writes the ring to the original standard error, puts it back on descriptor 2 and closes the pipe. */
static void give_back_stderr(void) {
    if (original_stderr < 0) { return; }
    batchtop_rescue_drain();
    dup2(original_stderr, STDERR_FILENO);
    size_t first = replay_length;
    if (replay_start + first > REPLAY_CAPACITY) { first = REPLAY_CAPACITY - replay_start; }
    write_all(STDERR_FILENO, replay + replay_start, first);
    write_all(STDERR_FILENO, replay, replay_length - first);
    replay_start = 0;
    replay_length = 0;
    close(original_stderr);
    original_stderr = -1;
    if (capture_read >= 0) {
        close(capture_read);
        capture_read = -1;
    }
}

static void on_fatal_signal(int number, siginfo_t *info, void *context) {
    size_t index = 0;
    while (index < FATAL_SIGNAL_COUNT && fatal_signals[index] != number) { index++; }
    if (armed) {
        armed = 0;
        if (have_saved_modes) { tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes); }
        write_all(STDOUT_FILENO, restore_bytes, restore_length);
        give_back_stderr();
    }
    if (index == FATAL_SIGNAL_COUNT) { return; }
    struct sigaction previous = previous_actions[index];
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
        previous.sa_sigaction(number, info, context);
        return;
    }
    if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler != NULL) {
        previous.sa_handler(number);
        return;
    }
    /* The default action: reinstall it and raise again; the signal is delivered when this handler returns. */
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(number, &fallback, NULL);
    raise(number);
}

int batchtop_rescue_save_modes(void) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) != 0) {
        have_saved_modes = 0;
        return -1;
    }
    have_saved_modes = 1;
    return 0;
}

int batchtop_rescue_arm(const char *bytes, size_t length) {
    if (armed) { return 0; }
    if (length > RESTORE_CAPACITY) { length = RESTORE_CAPACITY; }
    memcpy(restore_bytes, bytes, length);
    restore_length = length;

    int pipe_ends[2];
    if (pipe2(pipe_ends, O_CLOEXEC | O_NONBLOCK) == 0) {
        original_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
        if (original_stderr >= 0 && dup2(pipe_ends[1], STDERR_FILENO) >= 0) {
            capture_read = pipe_ends[0];
        } else {
            if (original_stderr >= 0) { close(original_stderr); }
            original_stderr = -1;
            close(pipe_ends[0]);
        }
        close(pipe_ends[1]);
    }

    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) { sigaltstack(&stack, NULL); }

    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fatal_signal;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < FATAL_SIGNAL_COUNT; i++) {
        if (sigaction(fatal_signals[i], &action, &previous_actions[i]) != 0) {
            memset(&previous_actions[i], 0, sizeof previous_actions[i]);
            previous_actions[i].sa_handler = SIG_DFL;
        }
    }
    armed = 1;
    return 0;
}

void batchtop_rescue_disarm(void) {
    if (!armed) { return; }
    armed = 0;
    for (size_t i = 0; i < FATAL_SIGNAL_COUNT; i++) { sigaction(fatal_signals[i], &previous_actions[i], NULL); }
    give_back_stderr();
}
