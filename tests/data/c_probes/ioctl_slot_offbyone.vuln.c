#include <errno.h>
#include <stdint.h>
#include <string.h>

#define NR_SLOTS 16

typedef uint32_t u32;

struct slot_req {
    u32 slot;
    u32 flags;
    u32 value;
};

struct dev_state {
    u32 slot_value[NR_SLOTS];
    u32 slot_flags[NR_SLOTS];
    int busy;
};

extern unsigned long copy_from_user(void *to, const void *from, unsigned long n);

long dev_set_slot(struct dev_state *st, const void *uarg)
{
    struct slot_req req;

    if (copy_from_user(&req, uarg, sizeof(req)))
        return -EFAULT;
    if (req.slot > NR_SLOTS)
        return -EINVAL;
    if (req.flags & ~0x3u)
        return -EINVAL;
    st->slot_value[req.slot] = req.value;
    st->slot_flags[req.slot] = req.flags;
    return 0;
}
