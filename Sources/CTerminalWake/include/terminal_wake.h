#ifndef BATCHTOP_TERMINAL_WAKE_H
#define BATCHTOP_TERMINAL_WAKE_H

/* Lets a thread that waits in poll(2) learn of terminal resizes.
 *
 * ncurses installs its own SIGWINCH handler, which only sets a flag that the next wget_wch turns into KEY_RESIZE. A
 * thread blocked in poll(2) on the terminal is not woken by it (the signal may be delivered to any thread).
 * batchtop_winch_forward_start() installs a handler that first calls the handler that was there (ncurses's, so the
 * resize still reaches ncurses) and then writes one byte to `write_fd` (write(2) is async-signal-safe), which the
 * waiting thread watches. batchtop_winch_forward_stop() puts the previous handler back. */

/** Installs the forwarding handler; `write_fd` should be the non-blocking write end of a pipe. Returns 0 or -1. */
int batchtop_winch_forward_start(int write_fd);

/** Restores the handler that was there before batchtop_winch_forward_start (idempotent). */
void batchtop_winch_forward_stop(void);

/** Makes a pipe whose ends are non-blocking and close-on-exec; returns 0 or -1. */
int batchtop_wake_pipe(int ends[2]);

/** Names the calling thread (the first 15 bytes show in ps, top and debuggers). */
void batchtop_name_thread(const char *name);

#endif
