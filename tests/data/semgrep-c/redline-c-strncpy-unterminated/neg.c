#include <string.h>

struct user { char name[32]; };

void set_name(struct user *u, const char *name)
{
    strncpy(u->name, name, sizeof u->name - 1);
    u->name[sizeof u->name - 1] = '\0';
}

void reset_name(struct user *u, const char *name)
{
    memset(u, 0, sizeof(*u));
    strncpy(u->name, name, sizeof(u->name) - 1);
}
