#define _GNU_SOURCE
#include "terminal_wake.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static struct sigaction previous_action;
static volatile sig_atomic_t forward_fd = -1;
static int installed = 0;

static void on_winch(int number, siginfo_t *info, void *context) {
    int saved_errno = errno;
    if ((previous_action.sa_flags & SA_SIGINFO) && previous_action.sa_sigaction != NULL) {
        previous_action.sa_sigaction(number, info, context);
    } else if (previous_action.sa_handler != SIG_DFL && previous_action.sa_handler != SIG_IGN
               && previous_action.sa_handler != NULL) {
        previous_action.sa_handler(number);
    }
    int fd = forward_fd;
    if (fd >= 0) {
        char byte = 'w';
        ssize_t ignored = write(fd, &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

int batchtop_winch_forward_start(int write_fd) {
    if (installed) {
        forward_fd = write_fd;
        return 0;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_winch;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    forward_fd = write_fd;
    if (sigaction(SIGWINCH, &action, &previous_action) != 0) {
        forward_fd = -1;
        return -1;
    }
    installed = 1;
    return 0;
}

void batchtop_winch_forward_stop(void) {
    if (!installed) { return; }
    sigaction(SIGWINCH, &previous_action, NULL);
    forward_fd = -1;
    installed = 0;
}

int batchtop_wake_pipe(int ends[2]) {
    return pipe2(ends, O_CLOEXEC | O_NONBLOCK);
}

void batchtop_name_thread(const char *name) {
    char shortened[16];
    strncpy(shortened, name, sizeof shortened - 1);
    shortened[sizeof shortened - 1] = '\0';
    (void)pthread_setname_np(pthread_self(), shortened);
}
