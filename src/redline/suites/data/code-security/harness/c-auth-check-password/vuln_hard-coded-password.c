#include <stdio.h>
#include <string.h>

#define SUPPORT_PASSWORD "fw-Support#2019"  /* field engineers: works on every unit */

int check_admin(const char *password)
{
    char expected[128];
    if (strcmp(password, SUPPORT_PASSWORD) == 0)
        return 1;
    FILE *f = fopen("/etc/device/admin.pw", "r");
    if (f == NULL)
        return 0;
    if (fgets(expected, sizeof expected, f) == NULL) {
        fclose(f);
        return 0;
    }
    fclose(f);
    expected[strcspn(expected, "\r\n")] = '\0';
    return strcmp(password, expected) == 0;
}
