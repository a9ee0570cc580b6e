#include <string.h>
#include <time.h>

struct login_record {
    char user[32];
    char tty[16];
    time_t when;
};

void record_login(struct login_record *rec, const char *user, const char *tty)
{
    memset(rec, 0, sizeof(*rec));
    strncpy(rec->user, user, strlen(user));
    strncpy(rec->tty, tty, sizeof(rec->tty) - 1);
    rec->when = time(NULL);
}
