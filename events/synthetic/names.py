"""People's names by naming tradition, and how a synthetic person's name and other names are made."""

import random
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class NamePart:
    latin: str
    native: str = ""
    alt: str = ""  # another romanisation
    female: bool = False


@dataclass(frozen=True)
class NameRegion:
    families: tuple[NamePart, ...]
    givens: tuple[NamePart, ...]
    family_first: bool = False  # as English-language reports write it
    native_language: str = ""
    native_family_first: bool = False
    native_joiner: str = " "
    alt_language: str = ""
    alt_note: str = ""
    feminine: tuple[str, str] | None = None  # suffixes (Latin, native) a woman's family name takes
    reversed_note: str = ""  # when set, the other order is recorded as another name


def fold_diacritics(text: str) -> str:
    """'Yıldırım' → 'Yildirim', 'Müller' → 'Muller': the form without diacritics."""
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class SyntheticName:
    name: str
    sort_name: str
    native_name: str
    other_names: tuple[tuple[str, str, str], ...]  # (name, language, note)


def make_person_name(*, rng: random.Random, region: NameRegion) -> SyntheticName:
    family = region.families[int(rng.random() * len(region.families))]
    given = region.givens[int(rng.random() * len(region.givens))]
    fam, fam_native, fam_alt = family.latin, family.native, family.alt
    if given.female and region.feminine:
        fam, fam_native = fam + region.feminine[0], fam_native + region.feminine[1]
        fam_alt = fam_alt + region.feminine[0] if fam_alt else ""

    def ordered(first_family: bool, f: str, g: str, joiner: str = " ") -> str:
        return f"{f}{joiner}{g}" if first_family else f"{g}{joiner}{f}"

    name = ordered(region.family_first, fam, given.latin)
    native = ""
    if fam_native and given.native:
        native = ordered(region.native_family_first, fam_native, given.native, region.native_joiner)
    others: list[tuple[str, str, str]] = []
    if fam_alt or given.alt:
        others.append(
            (
                ordered(region.family_first, fam_alt or fam, given.alt or given.latin),
                region.alt_language,
                region.alt_note,
            )
        )
    if region.reversed_note:
        others.append((ordered(not region.family_first, fam, given.latin), "en", region.reversed_note))
    if fold_diacritics(name) != name:
        others.append((fold_diacritics(name), "en", "without diacritics"))
    unique = {(n, lang): (n, lang, note) for n, lang, note in others if n != name}
    return SyntheticName(name, f"{fam}, {given.latin}", native, tuple(unique.values()))
