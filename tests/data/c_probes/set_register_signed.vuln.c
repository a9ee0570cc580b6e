#include <stdio.h>

#define NREGS 64

static int regs[NREGS];

int apply_command(const char *line)
{
    int idx, val;

    if (sscanf(line, "set %d %d", &idx, &val) != 2)
        return -1;
    if (idx >= NREGS)
        return -1;
    regs[idx] = val;
    return 0;
}
