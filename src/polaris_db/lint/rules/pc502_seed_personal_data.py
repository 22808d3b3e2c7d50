from __future__ import annotations

import re

from ..base import Rule

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# Reserved for documentation and testing (RFC 2606, RFC 6761): never delivered to a real person.
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_TLDS = ("test", "example", "invalid", "localhost")
# Runs of digits with the separators people write in phone and card numbers; judged group by group.
DIGIT_RUN = re.compile(r"(?<![\w.:/-])\+?\(?\d[\d ().-]*\d(?![\w:/-])")
UUID = re.compile(r"^\d{8}-\d{4}-\d{4}-\d{4}-\d{12}$")
CARD_FIRST_DIGITS = "23456"  # Mastercard 2/5, Amex 3, Visa 4, Discover 6
NATIONAL_PHONE = re.compile(r"^(?:\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|0\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4})$")


class SeedPersonalData(Rule):
    """Seeds hold no personal data: e-mail addresses, phone numbers, card-like numbers.

    Allowed e-mail domains are the reserved ones (example.com/.net/.org, *.test, *.example, *.invalid,
    *.localhost); card-like means 13-19 digits starting 2-6 and passing the Luhn check (UUIDs are skipped).

    Every string and number literal of a seed file is checked, function bodies included. Why: seeds run on every developer machine and on staging, land in backups and logs, and are
    committed to git forever. Real-looking data also gets mailed, called or charged by accident.

    **Anti-pattern**

    ```sql
    insert into auth.users (id, email, phone) values
        ('00000000-0000-4000-8000-000000000001', 'maria.santos@gmail.com', '+63 917 555 0142')
    on conflict (id) do nothing;
    ```

    **Best practice**

    ```sql
    insert into auth.users (id, email) values
        ('00000000-0000-4000-8000-000000000001', 'learner1@example.com')
    on conflict (id) do nothing;
    ```
    """

    id = "PC502"
    name = "seed-personal-data"

    def check(self, tree):
        for file in tree.folder("seeds"):
            for value, line in file.literals():
                for problem in personal_data(value):
                    yield self.at(file, line, problem)


def personal_data(value: str) -> list[str]:
    problems = []
    for match in EMAIL.finditer(value):
        if not _reserved(match["domain"].lower()):
            problems.append(f"e-mail address {match.group()!r} outside the reserved example domains")
    for match in DIGIT_RUN.finditer(value):
        run = match.group()
        if UUID.match(run):
            continue
        card = _card_like(run)
        if card:
            problems.append(f"card-like number {card!r} (passes the Luhn check)")
        elif _phone_like(run):
            problems.append(f"phone number {run!r}")
    return problems


def _phone_like(run: str) -> bool:
    digits = sum(c.isdigit() for c in run)
    if run.startswith("+"):
        return 8 <= digits <= 15
    return bool(NATIONAL_PHONE.match(run))


def _card_like(run: str) -> str | None:
    """The first window of whole digit groups with 13-19 digits that passes Luhn."""
    groups = re.findall(r"\d+", run)
    for first in range(len(groups)):
        for last in range(first, len(groups)):
            digits = "".join(groups[first:last + 1])
            if len(digits) > 19:
                break
            if len(digits) >= 13 and digits[0] in CARD_FIRST_DIGITS and luhn_valid(digits):
                return " ".join(groups[first:last + 1])
    return None


def _reserved(domain: str) -> bool:
    return (any(domain == d or domain.endswith("." + d) for d in RESERVED_DOMAINS)
            or domain.rsplit(".", 1)[-1] in RESERVED_TLDS)


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0
