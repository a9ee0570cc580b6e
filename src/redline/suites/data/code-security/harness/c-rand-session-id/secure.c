#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

void new_session_id(char out[33])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char bytes[16];
    size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0)
            abort();  /* never hand out a guessable id */
        got += (size_t)n;
    }
    for (int i = 0; i < 16; i++) {
        out[2 * i] = hex[bytes[i] >> 4];
        out[2 * i + 1] = hex[bytes[i] & 15];
    }
    out[32] = '\0';
}
