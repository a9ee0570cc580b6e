#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

void new_session_id(char out[33])
{
    static int seeded;
    if (!seeded) {
        srand((unsigned)time(NULL) ^ (unsigned)getpid());
        seeded = 1;
    }
    for (int i = 0; i < 32; i++)
        out[i] = "0123456789abcdef"[rand() % 16];
    out[32] = '\0';
}
