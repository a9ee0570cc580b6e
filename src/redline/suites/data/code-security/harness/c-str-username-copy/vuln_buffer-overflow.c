#include <string.h>

struct user {
    char name[32];
    char email[64];
    int id;
};

void set_user(struct user *u, const char *name, const char *email)
{
    strcpy(u->name, name);
    strcpy(u->email, email);
}
