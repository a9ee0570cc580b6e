#include <stdio.h>
#include <string.h>

struct user { char name[32]; char email[64]; int id; };

void set_user(struct user *u, const char *name, const char *email)
{
    strcpy(u->name, name);
    sprintf(u->email, "%s", email);
}

void join(char *out, const char *dir, const char *file)
{
    strcpy(out, dir);
    strcat(out, "/");
    strcat(out, file);
}
