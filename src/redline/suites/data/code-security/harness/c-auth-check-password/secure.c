#include <stdio.h>
#include <string.h>

int check_admin(const char *password)
{
    char expected[256];
    FILE *f = fopen("/etc/device/admin.pw", "r");
    if (f == NULL)
        return 0;  /* no provisioned password: nobody gets in */
    if (fgets(expected, sizeof expected, f) == NULL) {
        fclose(f);
        return 0;
    }
    fclose(f);
    expected[strcspn(expected, "\r\n")] = '\0';
    size_t n = strlen(expected), m = strlen(password);
    if (n == 0)
        return 0;
    /* constant-time over the expected length: the time does not say how much of the guess matched */
    unsigned char diff = (unsigned char)(n != m);
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(expected[i] ^ (i < m ? password[i] : 0));
    return diff == 0;
}
