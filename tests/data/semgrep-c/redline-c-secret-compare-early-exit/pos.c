#include <string.h>

int check_admin(const char *password, const char *expected)
{
    return strcmp(password, expected) == 0;
}
