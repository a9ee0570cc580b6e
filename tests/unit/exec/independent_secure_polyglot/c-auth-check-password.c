/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#define PW_PATH "/etc/device/admin.pw"
#define PW_MAX 256

static void wipe(volatile char *p, size_t n)
{
    while (n--)
        *p++ = 0;
}

int check_admin(const char *password)
{
    if (password == NULL)
        return 0;
    char expected[PW_MAX];
    FILE *f = fopen(PW_PATH, "r");
    if (f == NULL)
        return 0;
    if (fgets(expected, sizeof expected, f) == NULL) {
        fclose(f);
        wipe(expected, sizeof expected);
        return 0;
    }
    fclose(f);
    size_t elen = strcspn(expected, "\r\n");
    expected[elen] = '\0';
    if (elen == 0) {
        wipe(expected, sizeof expected);
        return 0; /* no password provisioned: deny */
    }
    size_t plen = strnlen(password, PW_MAX);
    /* Constant-time compare over the whole buffer, independent of where the first mismatch is. */
    unsigned char diff = (unsigned char)(plen != elen);
    for (size_t i = 0; i < PW_MAX - 1; i++) {
        unsigned char a = i < plen ? (unsigned char)password[i] : 0;
        unsigned char b = i < elen ? (unsigned char)expected[i] : 0;
        diff |= (unsigned char)(a ^ b);
    }
    if (strlen(password) >= PW_MAX)
        diff |= 1;
    wipe(expected, sizeof expected);
    return diff == 0 ? 1 : 0;
}
