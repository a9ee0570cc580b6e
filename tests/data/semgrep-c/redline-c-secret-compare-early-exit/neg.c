#include <stddef.h>
#include <string.h>

int check_admin(const char *password, const char *expected)
{
    size_t n = strlen(expected), m = strlen(password);
    unsigned char diff = (unsigned char)(n != m);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(expected[i] ^ (i < m ? password[i] : 0));
    return diff == 0;
}

int same_name(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}
