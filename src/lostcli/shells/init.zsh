# lostcli prompt segment for zsh, from `lostcli init zsh` (lostcli __VERSION__).
# Drawing a prompt starts no process: the time comes from zsh/datetime's $EPOCHSECONDS.
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock (tests).
zmodload zsh/datetime
__lostcli_release=__RELEASE__
__lostcli_format=__FORMAT__
__lostcli_icon=__ICON__
__lostcli_title=__TITLE__

__lostcli_segment() {
    local ret=$? now=${LOSTCLI_PROMPT_NOW:-$EPOCHSECONDS} s d h m rel state seg
    LOSTCLI_SEGMENT=
    [[ ${LOSTCLI_PROMPT-} == off ]] && return $ret
    s=$((__lostcli_release - now))
    if ((s > 0)); then
        state=upcoming d=$((s / 86400)) h=$((s % 86400 / 3600)) m=$((s % 3600 / 60))
        if ((d > 0)); then
            printf -v rel '%dd %02dh' $d $h
        elif ((h > 0)); then
            printf -v rel '%dh %02dm' $h $m
        else
            printf -v rel '%dm %02ds' $m $((s % 60))
        fi
    else
        state=released d=$((-s / 86400))
        if ((d > 0)); then rel="${d}d ago"; else rel="out now"; fi
    fi
    seg=$__lostcli_format
    seg=${seg//\{icon\}/$__lostcli_icon}
    seg=${seg//\{title\}/$__lostcli_title}
    seg=${seg//\{rel\}/$rel}
    seg=${seg//\{days\}/$d}
    seg=${seg//\{status\}/$state}
    LOSTCLI_SEGMENT=$seg
    return $ret
}

autoload -Uz add-zsh-hook
add-zsh-hook precmd __lostcli_segment  # add-zsh-hook adds a function only once
setopt prompt_subst
if [[ $PROMPT != *'${LOSTCLI_SEGMENT'* ]]; then
    PROMPT='${LOSTCLI_SEGMENT:+$LOSTCLI_SEGMENT }'$PROMPT
fi
