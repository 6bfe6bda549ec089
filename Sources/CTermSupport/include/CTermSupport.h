// The async-signal-safe part of the terminal backend: termination flag + self-pipe, SIGWINCH
// chaining, a poll() helper, and a crash guard that restores the terminal. Swift cannot write
// signal handlers safely, so this lives in C.
#ifndef FLOWDASH_CTERMSUPPORT_H
#define FLOWDASH_CTERMSUPPORT_H

/// Saves stdin's termios and installs the SIGINT/SIGTERM/SIGHUP flag handlers and the crash
/// guard (SEGV, BUS, ILL, TRAP, ABRT, FPE, QUIT). Call before initscr/newterm. Idempotent.
/// Returns 0, or -1 with errno set.
int ct_install(void);

/// Non-zero between ct_install and ct_uninstall: some screen owns the terminal.
int ct_installed(void);

/// Puts back the signal dispositions ct_install replaced (SIGWINCH chaining stays). Idempotent.
void ct_uninstall(void);

/// Call after initscr/newterm: wraps ncurses' SIGWINCH handler so a resize also wakes
/// ct_wait_for_input. Idempotent. Returns 0, or -1 with errno set.
int ct_chain_sigwinch(void);

/// Whether curses owns the screen; only then does a crash or a second signal write the reset
/// sequence.
void ct_set_screen_active(int active);

/// While another program has the terminal, Ctrl-C belongs to it: SIGINT is not counted.
void ct_set_suspended(int suspended);

/// Non-zero once SIGINT, SIGTERM or SIGHUP arrived (or stdin hung up).
int ct_termination_requested(void);

/// Waits up to timeout_ms for stdin to become readable or for a wake-up (signal, resize,
/// ct_wake). Returns 1 when stdin is readable, 0 otherwise.
int ct_wait_for_input(int timeout_ms);

/// Wakes a pending ct_wait_for_input (async-signal-safe).
void ct_wake(void);

#endif
