#include <string.h>

int check_admin(const char *password)
{
    return strcmp(password, "admin123") == 0;
}
