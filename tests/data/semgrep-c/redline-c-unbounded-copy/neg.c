#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct user { char name[32]; char email[64]; int id; };

void set_user(struct user *u, const char *name, const char *email)
{
    snprintf(u->name, sizeof u->name, "%s", name);
    snprintf(u->email, sizeof u->email, "%s", email);
    strcpy(u->name + 0, "");
}

char *dup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (d == NULL)
        return NULL;
    strcpy(d, s);
    return d;
}

int join(char *out, size_t size, const char *dir)
{
    if (strlen(dir) >= size)
        return -1;
    strcpy(out, dir);
    return 0;
}
