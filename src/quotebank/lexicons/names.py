"""First names with a clear gender, lower case.

They tell "he" from "she" when an article gives no honorific: common English
first names and names frequent in the news. Names used for both (Alex, Jordan,
Kim, Lee, Robin, Tracy, Kelly …) are left out.
"""

from __future__ import annotations

from quotebank.lexicons._words import words

__all__ = ["MALE_FIRST_NAMES", "FEMALE_FIRST_NAMES", "FIRST_NAMES", "NAME_SUFFIXES"]

MALE_FIRST_NAMES = words(
    """
    aaron adam adrian ahmed alan albert alberto alexander alexei ali allan andre andrew andy angus
    anthony antony arthur austin barack barry bart ben benjamin bernard bernie bill blake bob bobby
    boris brad bradley brandon brendan brent brett brian bruce bryan byron caleb calvin cameron carl
    carlos chad charles christian christopher clarence clark clayton clifford clint colin colton
    connor craig curtis dale dan daniel darren darryl dave david dean dennis derek devon dmitry
    dominic donald doug douglas duncan dustin dwayne earl ed eddie edgar edward edwin elijah elon
    emil emmanuel eric erik ernest ethan evan fernando francis francisco frank fred frederick
    gabriel gary gavin geoffrey george gerald gerhard gilbert glen glenn gordon graham grant greg
    gregory harold harry hassan henry herbert howard hugh hugo hussein ian isaac ivan jack jacob
    jake jamal james jared jason jeb jeff jeffrey jeremy jerome jerry jesse jim joe joel john johnny
    jon jonathan jorge jose joseph josh juan julian justin karl keith ken kenneth kent kevin kirk
    kurt kyle lance larry lawrence leo leon leonard lewis liam lloyd logan louis lucas luis luke
    malcolm manuel marco marcus mario mark martin marvin masoud mathieu matt matthew maurice max maxime
    melvin michael miguel mike mikhail mitch mitchell mohammad mohammed muhammad nathan nathaniel
    neil nicholas nick nigel noah norman oliver omar oscar owen patrick paul pedro perry peter phil
    philip phillip pierre ralph rand randy ray raymond reginald reince richard rick ricky rob robert
    roberto rod rodney roger roland ron ronald ross roy russell ryan sam samir samuel scott sean
    sergei seth shane shawn sidney simon spencer stanley stephen steve steven stuart ted terrance
    terry theodore thomas tim timothy todd tom tony travis trevor troy tyler valery vernon victor
    viktor vincent vladimir wade walter warren wayne wesley william willie wilson xi yoni yuri yury
    zachary
    abdullah abraham ahmad akbar alain alfred alfredo alvin amir andres angelo antonio armando
    arnold barney benoit bernardo bruno carter cesar chuck claude conrad cory damian damien dante
    darnell desmond diego dimitri donovan eduardo elias elliott emilio enrique ernesto esteban eugene
    everett felipe felix fidel floyd franklin franz frederic gareth garrett gene gerard giovanni
    giuseppe gustavo hal hank hans harvey hector helmut herman horace ibrahim ignacio igor irving
    isaiah ismail jacques jaime jimmy joaquin johann josef jules julio kareem khalid lamar lanny lars
    leonardo leroy lionel lorenzo lyndon mahmoud marc marcel mateo mathias mitt mohamed moshe murray
    nasser ned nelson newt nikolai nils olaf orlando otto pablo philippe rafael rahm ramon randall raul
    reggie reuben ricardo robby rocco rudolph rudy rupert rusty salvador santiago saul sebastian sergio
    sherman silvio stan stefan sven tariq tobias ulrich umar vicente vito wolfgang xavier yasser
    yousef yusuf
    """
)
FEMALE_FIRST_NAMES = words(
    """
    abigail adrienne agnes alexa alexandria alice alicia alison allison amanda amber amy andrea
    angela angelica anita ann anna anne annie april arlene audrey barbara beatrice becky bella
    bernice beth bethany betsy beverly bonnie brenda brianna bridget brittany brooke caitlin camille
    candace carla carly carmen carol caroline carolyn cassandra catherine cecilia charlene charlotte
    chelsea cheryl chloe christine cindy claire claudia colleen connie courtney crystal cynthia
    daisy danielle darlene dawn debbie deborah deirdre delia demi denise diana diane dolores donna
    dorothy edith eileen elaine eleanor elena eliza elizabeth ella ellen eloise emilia emily emma
    erica erin esther eva evelyn faith fiona florence frances gabrielle gail genevieve georgia gina
    gladys gloria grace gwen hannah harriet heather heidi helen hillary holly huma ingrid irene
    irina isabel isabella jackie jacqueline jane janet janice jasmine jeanette jeanine jenna
    jennifer jenny jessica jill joan joanne jocelyn josephine joy joyce judith judy julia julie june
    kaitlyn kamala kara karen kate katelyn katherine kathleen kathryn kathy katie katrina kayla
    kellyanne kendra kimberly kristen kristin krystal laura laurie leah lena lillian lily linda
    lindsay lindsey lisa lois lorraine louise lucy lydia lynn mackenzie madeline madison mallory
    marcia margaret margot maria marie marilyn marion marjorie marlene martha mary megan melania
    melanie melissa mia michelle miranda molly monica monique muriel nadia nancy naomi natalia
    natalie natasha nicole nikki nina nora norma olga paige pamela patricia paula pauline peggy
    penny phyllis priscilla rachael rachel ramona rebecca regina renee rhonda rita roberta rosa rose
    rosemary roxanne ruth sabrina samantha sandra sara sarah serena shannon sharon sheila shelley
    sherry shirin shirley sierra sonia sophie stacy stephanie susan suzanne sylvia tamara tammy
    tanya tara teresa theresa tiffany tina ursula valerie vanessa vera veronica vicki victoria
    violet virginia vivian wanda wendy yvonne zoe
    adele alma amelia anastasia angie annette antoinette ashley ava bernadette betty camila
    carolina carrie cathy celeste celine christina christy clara cora daniela deanna debra dianne dina
    doris elise elisa elsa estelle felicia francesca georgina geraldine gertrude greta gretchen hazel
    helena hilda imelda isabelle ivana ivanka jeanne jillian joanna jodi johanna juanita juliana juliet
    justine karin katarina kelsey kristina lara larissa latoya laurel leila leticia liz liza loretta
    lucia lucille luisa madeleine magdalena maggie mandy marcella margarita mariana marina marsha
    maureen maxine mercedes meredith mildred miriam nadine nicola noelle olivia patrice patty petra
    polly raquel rosalind roseanne sally selena sheryl simone sofia sonya stella susanna svetlana
    tatiana thelma valentina wilma yolanda yulia
    """
)

#: First names of either gender (a lone one joined to a full name by "and"
#: shares its surname: "Bill and Hillary Clinton").
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES

#: What may follow a surname and is no part of it ("John Roberts Jr."), without
#: its full stop.
NAME_SUFFIXES = words("jr sr ii iii iv")
