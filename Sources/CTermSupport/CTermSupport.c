// The handlers and everything they call use only async-signal-safe calls (write, tcsetattr,
// sigaction, raise) and volatile sig_atomic_t flags; setup runs before curses starts.
#include "CTermSupport.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#ifndef SI_KERNEL
#define SI_KERNEL 0x80  // Linux's "sent by the kernel"; never matches a fault code elsewhere
#endif

static const int termination_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT};
#define TERMINATION_COUNT (sizeof termination_signals / sizeof termination_signals[0])
#define CRASH_COUNT (sizeof crash_signals / sizeof crash_signals[0])

static struct sigaction previous_termination[TERMINATION_COUNT];
static struct sigaction previous_crash[CRASH_COUNT];
static struct sigaction ncurses_winch;

static volatile sig_atomic_t termination_requested = 0;
static volatile sig_atomic_t screen_active = 0;
static volatile sig_atomic_t suspended = 0;
static int installed = 0;
static int winch_chained = 0;
static int pipe_fds[2] = {-1, -1};
static struct termios saved_termios;
static int termios_saved = 0;

// Mouse modes off, SGR reset, cursor visible, leave the alternate screen.
static const char reset_sequence[] =
    "\033[?1003l\033[?1002l\033[?1000l\033[?1006l\033[0m\033[?25h\033[?1049l";

static void restore_terminal(void) {
    if (!screen_active) return;
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
    screen_active = 0;
}

void ct_wake(void) {
    if (pipe_fds[1] < 0) return;
    int saved = errno;
    char byte = 1;
    ssize_t ignored = write(pipe_fds[1], &byte, 1);  // a full pipe already means "wake up"
    (void)ignored;
    errno = saved;
}

static void call_handler(const struct sigaction *handler, int signal_number, siginfo_t *info, void *context) {
    if (handler->sa_flags & SA_SIGINFO) {
        if (handler->sa_sigaction != NULL) handler->sa_sigaction(signal_number, info, context);
    } else if (handler->sa_handler != SIG_DFL && handler->sa_handler != SIG_IGN) {
        handler->sa_handler(signal_number);
    }
}

static void die_by_default(int signal_number) {
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigaction(signal_number, &fallback, NULL);
    raise(signal_number);  // blocked until the running handler returns, then fatal
}

static void on_termination(int signal_number) {
    int saved = errno;
    if (signal_number == SIGINT && suspended) { errno = saved; return; }
    if (termination_requested) {
        // The app did not react to the first signal: restore the screen and die by default.
        restore_terminal();
        die_by_default(signal_number);
    }
    termination_requested = 1;
    ct_wake();
    errno = saved;
}

static void on_crash(int signal_number, siginfo_t *info, void *context) {
    restore_terminal();
    const struct sigaction *previous = NULL;
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        if (crash_signals[i] == signal_number) previous = &previous_crash[i];
    }
    int is_fault = signal_number == SIGSEGV || signal_number == SIGBUS || signal_number == SIGILL
        || signal_number == SIGFPE || signal_number == SIGTRAP;
    if (is_fault && info != NULL && info->si_code > 0 && info->si_code != SI_KERNEL && previous != NULL) {
        // A CPU fault repeats when we return, reaching the previous handler (the Swift
        // backtracer) with its real context.
        sigaction(signal_number, previous, NULL);
        return;
    }
    // abort, Ctrl-\, kill: nothing repeats, and the backtracer returns after printing, which
    // would let the process run on. Run it here, then die the default way.
    if (previous != NULL) call_handler(previous, signal_number, info, context);
    die_by_default(signal_number);
}

static int make_pipe(void) {
    if (pipe_fds[0] >= 0) return 0;
    if (pipe(pipe_fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(pipe_fds[i], F_SETFL, fcntl(pipe_fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(pipe_fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

// A signal the parent set to "ignore" stays ignored (nohup, or a shell's background job with
// SIGINT/SIGQUIT ignored), as ncurses itself does; the saved action then restores nothing new.
static int install_unless_ignored(int signal_number, const struct sigaction *action, struct sigaction *previous) {
    if (sigaction(signal_number, NULL, previous) != 0) return -1;
    if (!(previous->sa_flags & SA_SIGINFO) && previous->sa_handler == SIG_IGN) return 0;
    return sigaction(signal_number, action, NULL);
}

int ct_install(void) {
    if (installed) return 0;
    if (make_pipe() != 0) return -1;
    termios_saved = tcgetattr(STDIN_FILENO, &saved_termios) == 0;

    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_termination;
    action.sa_flags = SA_RESTART;
    for (size_t i = 0; i < TERMINATION_COUNT; i++) {
        if (install_unless_ignored(termination_signals[i], &action, &previous_termination[i]) != 0) return -1;
    }

    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = on_crash;
    action.sa_flags = SA_SIGINFO;
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        if (install_unless_ignored(crash_signals[i], &action, &previous_crash[i]) != 0) return -1;
    }
    installed = 1;
    return 0;
}

int ct_installed(void) { return installed; }

void ct_uninstall(void) {
    if (!installed) return;
    for (size_t i = 0; i < TERMINATION_COUNT; i++) {
        sigaction(termination_signals[i], &previous_termination[i], NULL);
    }
    for (size_t i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &previous_crash[i], NULL);
    installed = 0;
}

static void on_winch(int signal_number, siginfo_t *info, void *context) {
    int saved = errno;
    call_handler(&ncurses_winch, signal_number, info, context);  // ncurses queues KEY_RESIZE
    ct_wake();
    errno = saved;
}

int ct_chain_sigwinch(void) {
    if (winch_chained) return 0;
    if (make_pipe() != 0) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_sigaction = on_winch;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    if (sigaction(SIGWINCH, &action, &ncurses_winch) != 0) return -1;
    winch_chained = 1;
    return 0;
}

void ct_set_screen_active(int active) { screen_active = active ? 1 : 0; }

void ct_set_suspended(int value) { suspended = value ? 1 : 0; }

int ct_termination_requested(void) { return termination_requested ? 1 : 0; }

int ct_wait_for_input(int timeout_ms) {
    struct pollfd fds[2];
    fds[0].fd = STDIN_FILENO;
    fds[0].events = POLLIN;
    fds[0].revents = 0;
    fds[1].fd = pipe_fds[0];
    fds[1].events = POLLIN;
    fds[1].revents = 0;
    int ready = poll(fds, pipe_fds[0] >= 0 ? 2 : 1, timeout_ms < 0 ? 0 : timeout_ms);
    if (ready <= 0) return 0;  // timeout, or EINTR from a signal that already woke us
    if (fds[1].revents & POLLIN) {
        char drain[64];
        while (read(pipe_fds[0], drain, sizeof drain) > 0) {}
    }
    short stdin_events = fds[0].revents;
    if ((stdin_events & (POLLHUP | POLLERR | POLLNVAL)) && !(stdin_events & POLLIN)) {
        termination_requested = 1;  // the terminal is gone: nothing more will ever arrive
        return 0;
    }
    return (stdin_events & POLLIN) ? 1 : 0;
}
