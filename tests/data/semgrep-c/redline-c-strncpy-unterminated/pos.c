#include <string.h>

struct user { char name[32]; };

void set_name(struct user *u, const char *name)
{
    strncpy(u->name, name, sizeof u->name);
}
