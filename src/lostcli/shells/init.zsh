# lostcli prompt segment for zsh, from `lostcli init zsh` (lostcli __VERSION__).
# Drawing a prompt starts no process: the time comes from zsh/datetime's $EPOCHSECONDS. Loading
# prints nothing (powerlevel10k's instant prompt warns about any output).
# The segment is kept in LOSTCLI_SEGMENT, exported for tools that draw the prompt themselves
# (starship's env_var module), and put in front of PROMPT unless PROMPT holds ${LOSTCLI_SEGMENT}
# already; again whenever a prompt framework has rebuilt PROMPT without it. A % in it is shown
# as written (in a PROMPT of your own, use ${__lostcli_text}, in which each % is doubled).
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock.
zmodload zsh/datetime
typeset -g __lostcli_release=__RELEASE__
typeset -g __lostcli_format=__FORMAT__
typeset -g __lostcli_icon=__ICON__
typeset -g __lostcli_title=__TITLE__
typeset -g __lostcli_place=__PLACE__
typeset -g __lostcli_shown=__SHOWN__
typeset -g __lostcli_text=
typeset -g __lostcli_days=__DAYS__ __lostcli_hours=__HOURS__ __lostcli_minutes=__MINUTES__
typeset -g __lostcli_ago=__AGO__ __lostcli_now=__NOW__
export LOSTCLI_SEGMENT=

__lostcli_segment() {
    local ret=$? now=${LOSTCLI_PROMPT_NOW-} s d h m rel state seg  # ret: $? goes on unchanged
    emulate -L zsh  # zsh's own reading, whatever the user set (sh_word_split split the formats)
    LOSTCLI_SEGMENT= __lostcli_text=
    [[ ${LOSTCLI_PROMPT-} == off ]] && return $ret
    [[ $now == (|-)<->  && ${#now} -le 16 ]] || now=$EPOCHSECONDS
    s=$((__lostcli_release - now))
    if ((s > 0)); then
        state=upcoming d=$((s / 86400)) h=$((s % 86400 / 3600)) m=$((s % 3600 / 60))
        if ((d > 0)); then
            printf -v rel $__lostcli_days $d $h
        elif ((h > 0)); then
            printf -v rel $__lostcli_hours $h $m
        else
            printf -v rel $__lostcli_minutes $m $((s % 60))
        fi
    else
        state=released d=$((-s / 86400))
        if ((d > 0)); then printf -v rel $__lostcli_ago $d; else rel=$__lostcli_now; fi
    fi
    seg=$__lostcli_format  # the title last: one in braces is not a placeholder
    seg=${seg//\{rel\}/$rel}
    seg=${seg//\{days\}/$d}
    seg=${seg//\{status\}/$state}
    seg=${seg//\{icon\}/$__lostcli_icon}
    seg=${seg//\{title\}/$__lostcli_title}
    LOSTCLI_SEGMENT=$seg
    __lostcli_text=${seg//\%/%%}  # what the prompt shows: % doubled, so that it is not an escape
    if ((__lostcli_place)) && [[ $PROMPT != *'${LOSTCLI_SEGMENT'* && $PROMPT != *'$__lostcli_text'* ]]; then
        PROMPT=$__lostcli_shown$PROMPT
    fi
    return $ret
}

autoload -Uz add-zsh-hook
add-zsh-hook precmd __lostcli_segment  # add-zsh-hook adds a function only once
setopt prompt_subst
