#include <stdio.h>
#include <string.h>

struct user {
    char name[32];
    char email[64];
    int id;
};

void set_user(struct user *u, const char *name, const char *email)
{
    snprintf(u->name, sizeof u->name, "%s", name);
    snprintf(u->email, sizeof u->email, "%s", email);
}
