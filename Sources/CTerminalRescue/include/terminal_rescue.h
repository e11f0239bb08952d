#ifndef BATCHTOP_TERMINAL_RESCUE_H
#define BATCHTOP_TERMINAL_RESCUE_H

#include <stddef.h>

/* Puts the terminal back if the process dies of a fatal signal while the full screen is up.
 *
 * batchtop_rescue_save_modes() records the terminal modes of standard input (call it before ncurses changes them);
 * batchtop_rescue_arm() keeps the bytes that leave full-screen mode, sends standard error into a private pipe (so a
 * crash message written over the full screen is not lost in the alternate screen) and installs handlers for SIGABRT,
 * SIGILL, SIGTRAP, SIGSEGV, SIGBUS and SIGFPE. A handler uses async-signal-safe calls only: it restores the modes,
 * writes the bytes, replays what standard error received, gives standard error back and passes the signal on to the
 * handler that was there before (the Swift runtime's backtracer, or the default action), so the crash is still
 * reported, on a usable screen.
 * batchtop_rescue_disarm() undoes all of it on a normal exit, replaying standard error as well. */

/** Records the current modes of standard input; returns 0, or -1 when it is not a terminal. */
int batchtop_rescue_save_modes(void);

/** Arms the rescue with the bytes that leave full-screen mode (at most 512 are kept); returns 0 or -1. */
int batchtop_rescue_arm(const char *restore_bytes, size_t length);

/** Moves what standard error received since the last call into the replay buffer (its newest 16 KiB). */
void batchtop_rescue_drain(void);

/** The read end of the pipe that captures standard error while armed, or -1: a thread may poll it and drain. */
int batchtop_rescue_capture_fd(void);

/** Gives standard error back (replaying what it received), removes the handlers; idempotent. */
void batchtop_rescue_disarm(void);

#endif
