# lostcli completion for fish, from `lostcli completion fish` (lostcli __VERSION__).
# In fish: mkdir -p ~/.config/fish/completions
#          lostcli completion fish > ~/.config/fish/completions/lostcli.fish
# Every list is in this script: a TAB starts no process.
__TABLES__
