// The one header Swift sees for ncursesw. SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the
// wide-character API must be switched on here; curses globals and composite macros do not
// import into Swift 6 (shared mutable state / unparsable macros), so they are wrapped below.
#ifndef FLOWDASH_CNCURSESW_SHIM_H
#define FLOWDASH_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// glibc hides wcwidth without _XOPEN_SOURCE; declared so Swift measures columns as curses does.
extern int wcwidth(wchar_t);

static inline int fd_wcwidth(wchar_t c) { return wcwidth(c); }

// Globals, read through functions so Swift 6 does not flag shared mutable state.
static inline WINDOW *fd_stdscr(void) { return stdscr; }
static inline WINDOW *fd_curscr(void) { return curscr; }
static inline int fd_colors(void) { return COLORS; }
static inline int fd_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *fd_stdout(void) { return stdout; }
static inline FILE *fd_stdin(void) { return stdin; }

// Composite macros, as constants Swift can import.
static const attr_t FD_A_NORMAL = A_NORMAL;
static const attr_t FD_A_BOLD = A_BOLD;
static const attr_t FD_A_DIM = A_DIM;
static const attr_t FD_A_UNDERLINE = A_UNDERLINE;
static const attr_t FD_A_REVERSE = A_REVERSE;

static const mmask_t FD_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t FD_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t FD_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t FD_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t FD_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t FD_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t FD_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;

static inline int fd_key_f(int n) { return KEY_F(n); }

// Whether terminfo knows `term` and it can address the cursor. Checked before newterm, which
// happily starts on a "dumb" terminal and then draws everything on one line.
static inline int fd_terminal_is_usable(const char *term) {
    int status = 0;
    if (setupterm(term, 1, &status) != OK) return 0;
    char *address = tigetstr("cup");
    int usable = address != NULL && address != (char *)-1;
    del_curterm(cur_term);
    return usable;
}

// setcchar with an extended (int) colour pair, so pairs above 255 work.
static inline int fd_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, (short)(pair < 32768 ? pair : 0), &pair);
}

// wattr_set with an extended (int) colour pair.
static inline int fd_wattr_set(WINDOW *window, attr_t attrs, int pair) {
    return wattr_set(window, attrs, (short)(pair < 32768 ? pair : 0), &pair);
}

#endif
