# Completes a command line in a real interactive zsh: loads the completion script ($1) in a zsh
# driven through a pseudo-terminal (zsh/zpty), types the line ($2) and TAB, and prints what the
# terminal shows, the completed line included. Run with `zsh -f`.
zmodload zsh/zpty || exit 3
zpty z 'zsh -f -i'
zpty -w z 'PS1="READY> "; source '"${(q)1}"'; print COMPLETION-LOADED'
buf=''
SECONDS=0
until [[ $buf == *COMPLETION-LOADED*READY\>* ]] || (( SECONDS > 30 )); do
  zpty -r -t z line 2>/dev/null && buf+=$line || sleep 0.1
done
print -r -- "$buf"
zpty -w -n z "$2"$'\t'
sleep 1
out=''
SECONDS=0
while (( SECONDS < 5 )); do
  if zpty -r -t z line 2>/dev/null; then out+=$line; else
    [[ -n $out ]] && break
    sleep 0.2
  fi
done
print -r -- "$out"
zpty -d z
