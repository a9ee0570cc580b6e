#include <string.h>

struct user {
    char name[32];
    char email[64];
    int id;
};

void set_user(struct user *u, const char *name, const char *email)
{
    strncpy(u->name, name, sizeof u->name);
    strncpy(u->email, email, sizeof u->email);
}
