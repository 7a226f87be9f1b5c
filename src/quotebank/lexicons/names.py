"""First names with a clear gender, lower case.

They tell "he" from "she" when an article gives no honorific. Deliberately
short; names used for both (Alex, Jordan, Kim …) are left out.
"""

from __future__ import annotations

from quotebank.lexicons._words import words

__all__ = ["MALE_FIRST_NAMES", "FEMALE_FIRST_NAMES"]

MALE_FIRST_NAMES = words(
    """
    aaron adam ahmed ali alexander alexei andrew anthony antony barack ben benjamin
    bernie bill bob boris brian carl charles christopher dan daniel david dmitry donald
    edward emmanuel eric frank george gerhard hassan hussein ivan jack james jason jeb jeff
    jerry jim joe john jonathan joseph josh justin kevin larry marco mark masoud matthew
    michael mike mikhail mitch mohammad mohammed muhammad nicholas paul peter rand
    reince richard robert ron ronald sam samuel scott sergei sean stephen steve steven ted thomas
    tim timothy tom tony valery viktor vladimir william xi yury yuri
    """
)
FEMALE_FIRST_NAMES = words(
    """
    alexandria amy angela ann anna anne barbara betsy carly catherine cheryl christine claire
    debbie diane donna elizabeth ellen emily emma hillary huma irina jane janet jennifer jessica
    jill joan julia karen kamala kate katherine kellyanne laura linda lisa maria marie mary
    melania michelle monica nancy natalia nikki olga patricia rachel rebecca sarah shirin
    sophie susan theresa ursula valerie victoria
    """
)
