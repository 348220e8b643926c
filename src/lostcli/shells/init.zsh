# lostcli prompt segment for zsh, from `lostcli init zsh` (lostcli __VERSION__).
# Drawing a prompt starts no process: the time comes from zsh/datetime's $EPOCHSECONDS. Loading
# prints nothing (powerlevel10k's instant prompt warns about any output).
# The segment is kept in LOSTCLI_SEGMENT, exported for tools that draw the prompt themselves
# (starship's env_var module), and put in front of PROMPT unless PROMPT holds $LOSTCLI_SEGMENT or
# $__NS__text already; again whenever a prompt framework has rebuilt PROMPT without it. A % in
# it is shown as written (in a PROMPT of your own, use ${__NS__text}, in which each % is doubled).
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock.
zmodload zsh/datetime
typeset -g __NS__release=__RELEASE__
typeset -g __NS__format=__FORMAT__
typeset -g __NS__icon=__ICON__
typeset -g __NS__title=__TITLE__
typeset -g __NS__place=__PLACE__
if ((__COLOR__)); then  # %5F is magenta; the text has each % doubled
    typeset -g __NS__shown='${__NS__text:+%5F$__NS__text%f }'
else
    typeset -g __NS__shown='${__NS__text:+$__NS__text }'
fi
typeset -g __NS__text=
# the compact forms, named by their largest unit: plural with the next unit, singular without
typeset -g __NS__days=__DAYS__ __NS__day=__DAY__ __NS__hours=__HOURS__ __NS__hour=__HOUR__
typeset -g __NS__minutes=__MINUTES__ __NS__minute=__MINUTE__ __NS__second=__SECOND__
typeset -g __NS__ago=__AGO__ __NS__now=__NOW__ __NS__upcoming=__UPCOMING__ __NS__released=__RELEASED__
export LOSTCLI_SEGMENT=

__NS__segment() {
    local ret=$? now=${LOSTCLI_PROMPT_NOW-} s d h m sec unit a b form rel state seg  # ret: $? kept
    emulate -L zsh  # zsh's own reading, whatever the user set (sh_word_split split the formats)
    LOSTCLI_SEGMENT= __NS__text=
    [[ ${LOSTCLI_PROMPT-} == off ]] && return $ret
    # no (|-)<-> nor (a|b): the function is parsed with the user's options, before the emulate
    # above, and under sh_glob they are a parse error
    [[ ${now#-} == [0-9]* && ${now#-} != *[^0-9]* && ${#now} -le 16 ]] || now=$EPOCHSECONDS
    s=$((__NS__release - now))
    if ((s > 0)); then
        state=$__NS__upcoming d=$((s / 86400)) h=$((s % 86400 / 3600)) m=$((s % 3600 / 60)) sec=$((s % 60))
        if ((d > 0)); then unit=day a=$d b=$h
        elif ((h > 0)); then unit=hour a=$h b=$m
        elif ((m > 0)); then unit=minute a=$m b=$sec
        else unit=second a=$sec b=0
        fi
        if ((b > 0)); then
            form=__NS__${unit}s && printf -v rel ${(P)form} $a $b
        else
            form=__NS__$unit && printf -v rel ${(P)form} $a
        fi
    else
        state=$__NS__released d=$((-s / 86400))
        if ((d > 0)); then printf -v rel $__NS__ago $d; else rel=$__NS__now; fi
    fi
    seg=$__NS__format  # the title last: one in braces is not a placeholder
    seg=${seg//\{rel\}/$rel}
    seg=${seg//\{days\}/$d}
    seg=${seg//\{status\}/$state}
    seg=${seg//\{icon\}/$__NS__icon}
    seg=${seg//\{title\}/$__NS__title}
    LOSTCLI_SEGMENT=$seg
    __NS__text=${seg//\%/%%}  # what the prompt shows: % doubled, so that it is not an escape
    if ((__NS__place)) && [[ $PROMPT != *LOSTCLI_SEGMENT* && $PROMPT != *__NS__text* ]]; then
        PROMPT=$__NS__shown$PROMPT
    fi
    return $ret
}

autoload -Uz add-zsh-hook
add-zsh-hook precmd __NS__segment  # add-zsh-hook adds a function only once
setopt prompt_subst
