# lostcli prompt segment for bash >= 4.2, from `lostcli init bash` (lostcli __VERSION__).
# Drawing a prompt starts no process: the time comes from printf's %(...)T builtin.
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock (tests).
__lostcli_release=__RELEASE__
__lostcli_format=__FORMAT__
__lostcli_icon=__ICON__
__lostcli_title=__TITLE__

__lostcli_segment() {
    local ret=$? now s d h m rel state seg  # ret: hooks after this one still see the command's $?
    LOSTCLI_SEGMENT=
    [[ ${LOSTCLI_PROMPT-} == off ]] && return $ret
    if [[ -n ${LOSTCLI_PROMPT_NOW-} ]]; then
        now=$LOSTCLI_PROMPT_NOW
    else
        printf -v now '%(%s)T' -1
    fi
    s=$((__lostcli_release - now))
    if ((s > 0)); then
        state=upcoming d=$((s / 86400)) h=$((s % 86400 / 3600)) m=$((s % 3600 / 60))
        if ((d > 0)); then
            printf -v rel '%dd %02dh' "$d" "$h"
        elif ((h > 0)); then
            printf -v rel '%dh %02dm' "$h" "$m"
        else
            printf -v rel '%dm %02ds' "$m" "$((s % 60))"
        fi
    else
        state=released d=$((-s / 86400))
        if ((d > 0)); then rel="${d}d ago"; else rel="out now"; fi
    fi
    seg=$__lostcli_format
    seg=${seg//'{icon}'/"$__lostcli_icon"}
    seg=${seg//'{title}'/"$__lostcli_title"}
    seg=${seg//'{rel}'/"$rel"}
    seg=${seg//'{days}'/"$d"}
    seg=${seg//'{status}'/"$state"}
    LOSTCLI_SEGMENT=$seg
    return $ret
}

if [[ ${PROMPT_COMMAND-} != *__lostcli_segment* ]]; then
    PROMPT_COMMAND="__lostcli_segment${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
fi
if [[ ${PS1-} != *'${LOSTCLI_SEGMENT'* ]]; then
    PS1='${LOSTCLI_SEGMENT:+$LOSTCLI_SEGMENT }'"${PS1-}"
fi
