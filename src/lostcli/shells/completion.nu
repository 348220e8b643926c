# lostcli completion for nushell, from `lostcli completion nu` (lostcli __VERSION__).
# Save it where nushell loads it: lostcli completion nu | save --force ($nu.data-dir | path join vendor autoload lostcli-completion.nu)
# Every list is in this script: a TAB starts no process.
__TABLES__

# The commands, for a word that follows global options (right after `lostcli`, nushell lists
# the externs above itself, and these would be there twice).
def __NS__commands [context: string] {
    if ($context | split row -r '\s+' | length) > 2 { $__NS__subcommands } else { [] }
}
