# lostcli prompt segment for fish, from `lostcli init fish` (lostcli __VERSION__).
# fish has no clock builtin, so each prompt runs `date +%s`, once, and nothing else.
# The segment is kept in LOSTCLI_SEGMENT, exported for tools that draw the prompt themselves
# (starship's env_var module): it is worked out on fish's fish_prompt event, whoever defines the
# prompt. Unless the init said --no-prompt, fish_prompt is wrapped to show it first.
# LOSTCLI_PROMPT=off hides the segment; LOSTCLI_PROMPT_NOW=<unix seconds> fixes the clock.
set -g __NS__release __RELEASE__
set -g __NS__format __FORMAT__
set -g __NS__icon __ICON__
set -g __NS__title __TITLE__
set -g __NS__place __PLACE__
set -g __NS__color __COLOR__
# the compact forms, named by their largest unit: plural with the next unit, singular without
set -g __NS__days __DAYS__; set -g __NS__day __DAY__; set -g __NS__hours __HOURS__
set -g __NS__hour __HOUR__; set -g __NS__minutes __MINUTES__; set -g __NS__minute __MINUTE__
set -g __NS__second __SECOND__; set -g __NS__ago __AGO__; set -g __NS__now __NOW__
set -g __NS__upcoming __UPCOMING__; set -g __NS__released __RELEASED__

function __NS__segment --on-event fish_prompt
    set -l last_status $status
    set -gx LOSTCLI_SEGMENT
    if test "$LOSTCLI_PROMPT" != off
        set -l now $LOSTCLI_PROMPT_NOW
        string match -qr -- '^-?[0-9]{1,15}$' "$now"; or set now (date +%s)
        set -l s (math "$__NS__release - $now")
        set -l d; set -l rel; set -l state
        if test $s -gt 0
            set state $__NS__upcoming
            set d (math "floor($s / 86400)")
            set -l h (math "floor($s % 86400 / 3600)")
            set -l m (math "floor($s % 3600 / 60)")
            set -l unit second; set -l a (math "$s % 60"); set -l b 0
            if test $d -gt 0
                set unit day; set a $d; set b $h
            else if test $h -gt 0
                set unit hour; set a $h; set b $m
            else if test $m -gt 0
                set unit minute; set b $a; set a $m
            end
            if test $b -gt 0
                set -l form __NS__{$unit}s
                set rel (printf $$form $a $b)
            else
                set -l form __NS__$unit
                set rel (printf $$form $a)
            end
        else
            set state $__NS__released
            set d (math "floor((0 - $s) / 86400)")  # never -0
            if test $d -gt 0; set rel (printf $__NS__ago $d); else; set rel $__NS__now; end
        end
        # the title last: one in braces is not a placeholder
        set -l seg (string replace -a -- '{rel}' $rel $__NS__format)
        set seg (string replace -a -- '{days}' $d $seg)
        set seg (string replace -a -- '{status}' $state $seg)
        set seg (string replace -a -- '{icon}' $__NS__icon $seg)
        set -gx LOSTCLI_SEGMENT (string replace -a -- '{title}' $__NS__title $seg)
    end
    return $last_status
end

function __NS__return
    return $argv[1]
end

if test $__NS__place = 1; and not functions -q __NS__original_prompt
    functions -c fish_prompt __NS__original_prompt
    function fish_prompt
        set -l last_status $status
        if test -n "$LOSTCLI_SEGMENT"
            test $__NS__color = 1; and set_color magenta
            printf '%s ' $LOSTCLI_SEGMENT
            test $__NS__color = 1; and set_color normal
        end
        # hand the last command's status on to the prompt being wrapped
        __NS__return $last_status
        __NS__original_prompt
    end
end
