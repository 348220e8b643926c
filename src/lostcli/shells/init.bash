# lostcli prompt segment for bash >= 4.2, from `lostcli init bash` (lostcli __VERSION__).
# Drawing a prompt starts no process: the time comes from printf's %(...)T builtin.
# The segment is kept in LOSTCLI_SEGMENT, exported for tools that draw the prompt themselves
# (starship's env_var module), and put in front of PS1 unless PS1 holds $LOSTCLI_SEGMENT
# already; again whenever a prompt framework has rebuilt PS1 without it.
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock.
__NS__release=__RELEASE__
__NS__format=__FORMAT__
__NS__icon=__ICON__
__NS__title=__TITLE__
__NS__place=__PLACE__
if ((__COLOR__)); then  # the segment, then a space, in front of the prompt
    __NS__shown='${LOSTCLI_SEGMENT:+\[\e[35m\]$LOSTCLI_SEGMENT\[\e[0m\] }'
else
    __NS__shown='${LOSTCLI_SEGMENT:+$LOSTCLI_SEGMENT }'
fi
# the compact forms, named by their largest unit: plural with the next unit, singular without
__NS__days=__DAYS__ __NS__day=__DAY__ __NS__hours=__HOURS__ __NS__hour=__HOUR__
__NS__minutes=__MINUTES__ __NS__minute=__MINUTE__ __NS__second=__SECOND__
__NS__ago=__AGO__ __NS__now=__NOW__ __NS__upcoming=__UPCOMING__ __NS__released=__RELEASED__
export LOSTCLI_SEGMENT=

__NS__segment() {
    local ret=$? now=${LOSTCLI_PROMPT_NOW-} s d h m sec unit a b form rel state seg  # ret: $? kept
    LOSTCLI_SEGMENT=
    [[ ${LOSTCLI_PROMPT-} == off ]] && return $ret
    if [[ -n $now && $now =~ ^-?[0-9]{1,15}$ ]]; then
        now=$((${now%%[0-9]*}10#${now#-}))  # base 10, even with a leading zero
    else
        printf -v now '%(%s)T' -1
    fi
    s=$((__NS__release - now))
    if ((s > 0)); then
        state=$__NS__upcoming d=$((s / 86400)) h=$((s % 86400 / 3600)) m=$((s % 3600 / 60)) sec=$((s % 60))
        if ((d > 0)); then unit=day a=$d b=$h
        elif ((h > 0)); then unit=hour a=$h b=$m
        elif ((m > 0)); then unit=minute a=$m b=$sec
        else unit=second a=$sec b=0
        fi
        if ((b > 0)); then
            form=__NS__${unit}s && printf -v rel "${!form}" "$a" "$b"
        else
            form=__NS__$unit && printf -v rel "${!form}" "$a"
        fi
    else
        state=$__NS__released d=$((-s / 86400))
        if ((d > 0)); then printf -v rel "$__NS__ago" "$d"; else rel=$__NS__now; fi
    fi
    seg=$__NS__format  # the title last: one in braces is not a placeholder
    seg=${seg//'{rel}'/"$rel"}
    seg=${seg//'{days}'/"$d"}
    seg=${seg//'{status}'/"$state"}
    seg=${seg//'{icon}'/"$__NS__icon"}
    seg=${seg//'{title}'/"$__NS__title"}
    LOSTCLI_SEGMENT=$seg
    if ((__NS__place)) && [[ $PS1 != *LOSTCLI_SEGMENT* ]]; then
        PS1=$__NS__shown$PS1
    fi
    return $ret
}

# starship draws PS1 in a PROMPT_COMMAND hook of its own, which may run before this one; it
# calls the function that starship_precmd_user_func names first, so the segment is fresh.
: "${starship_precmd_user_func:=__NS__segment}"

if [[ " ${PROMPT_COMMAND[*]-} " != *__NS__segment* ]]; then
    if ((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 501)); then
        # An element of its own, run after element 0: a framework that assigns PROMPT_COMMAND
        # or adds to it changes element 0, so this still runs after it has rebuilt PS1.
        PROMPT_COMMAND[1000]=__NS__segment
    else
        PROMPT_COMMAND="${PROMPT_COMMAND:+$PROMPT_COMMAND;}__NS__segment"
    fi
fi
