#include <stddef.h>
#include <stdint.h>

#define MAX_CHANNELS 8

struct mixer {
    int16_t gain[MAX_CHANNELS];
    int channels;
};

void mixer_init(struct mixer *m, int16_t gain)
{
    int ch;

    for (ch = 0; ch < MAX_CHANNELS; ch++)
        m->gain[ch] = gain;
    m->channels = MAX_CHANNELS;
}

int32_t mix_frame(const struct mixer *m, const int16_t *frame)
{
    int32_t acc = 0;
    int ch;

    for (ch = 0; ch < m->channels && ch < MAX_CHANNELS; ch++)
        acc += (int32_t)frame[ch] * m->gain[ch] / 256;
    return acc;
}
