/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

struct user {
    char name[32];
    char email[64];
    int id;
};

static void copy_bounded(char *dst, size_t cap, const char *src)
{
    if (src == NULL) {
        dst[0] = '\0';
        return;
    }
    size_t n = strnlen(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void set_user(struct user *u, const char *name, const char *email)
{
    if (u == NULL)
        return;
    copy_bounded(u->name, sizeof u->name, name);
    copy_bounded(u->email, sizeof u->email, email);
}
