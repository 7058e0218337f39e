#!/usr/bin/env bash
# Builds a throwaway git repository of article folders, for the gate's end-to-end test and its
# speed measurement.
#
#   scripts/make-article-repo.sh DIR [N]
#
# DIR (must not exist) becomes a git repository on branch `main` with one commit:
#   README.md                       a file that is no article (beside the article folders)
#   articles/<name>/                N copies of seeds/ (default 2), each with its subject renamed
#                                   to an invented name (the first copy keeps the seeds as they
#                                   are); every folder has the seeds' crosscheck.json
#   articles/hanbit/                with N=2: the invented article Tests/Fixtures/hanbit instead
#                                   of the second copy, so the two articles differ
# Prints the names of the article folders, one a line. Needs only bash, sed and git.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: scripts/make-article-repo.sh DIR [N]}"
n="${2:-2}"
if [ -e "$dir" ]; then echo "make-article-repo: $dir already exists" >&2; exit 2; fi

first=(Bel Cor Dra Fen Gal Hal Kor Lum Mar Nor Pel Quin Ros Sel Tor Val)
second=(ane ex ia on ora ux ith en)
third=(Works Group Labs Systems Media Motors Foods Bank)

# The invented name of copy i (0-based): unique for i < 1024.
name_of() {
  local i=$1
  echo "${first[$((i % 16))]}${second[$(((i / 16) % 8))]} ${third[$(((i / 128) % 8))]}"
}

mkdir -p "$dir/articles"
printf '# Articles\n\nEach folder under articles/ holds the variants of one article.\n' > "$dir/README.md"

for ((i = 0; i < n; i++)); do
  if [ "$i" = 0 ]; then
    slug=sensetime
    mkdir "$dir/articles/$slug"
    cp "$here"/seeds/* "$dir/articles/$slug/"
  elif [ "$n" = 2 ]; then
    slug=hanbit
    mkdir "$dir/articles/$slug"
    cp "$here"/Tests/Fixtures/hanbit/* "$dir/articles/$slug/"
  else
    name=$(name_of "$i")
    slug=$(printf '%04d-%s' "$i" "$(echo "$name" | tr 'A-Z ' 'a-z-')")
    mkdir "$dir/articles/$slug"
    for f in "$here"/seeds/*; do
      sed -e "s/SenseTime/$name/g" -e "s/Sensetime/$name/g" -e "s/SENSETIME/$name/g" "$f" > "$dir/articles/$slug/$(basename "$f")"
    done
  fi
  echo "articles/$slug"
done

git -C "$dir" init -q -b main
git -C "$dir" config user.email e2e@example.invalid
git -C "$dir" config user.name "crosscheck e2e"
git -C "$dir" config commit.gpgsign false
git -C "$dir" add -A
git -C "$dir" commit -q -m "$n articles"
