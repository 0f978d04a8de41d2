"""The words a Swedish shop's assortment is made of: the category tree, brands, colours and sizes.

The tree is three levels deep (department, section, leaf); every leaf says what it sells, in
what price band and along which variation axes, and every department carries its VAT rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Leaf:
    """A bottom-level category and what it sells."""

    slug: str
    sv: str
    en: str
    nouns: tuple[str, ...]
    prices: tuple[int, int]
    """Lowest and highest shelf price in whole kronor, VAT included."""
    axes: tuple[str, ...] = ()
    """Variation axes: ``size``, ``shoe``, ``kids`` (size scales) and ``colour``."""


@dataclass(frozen=True)
class Section:
    slug: str
    sv: str
    en: str
    leaves: tuple[Leaf, ...]


@dataclass(frozen=True)
class Department:
    slug: str
    sv: str
    en: str
    code: str
    """The SKU prefix of its products."""
    vat: Decimal
    brands: tuple[str, ...]
    sections: tuple[Section, ...]


# The tree, one line per category, indented by level:
#   department: slug | Swedish | English | SKU code | VAT % | brands
#   section:    slug | Swedish | English
#   leaf:       slug | Swedish | English | product nouns | lowest price | highest price | variation axes
_TREE = """
klader | Kläder | Clothing | KL | 25 | Nordkust, Urban Loom, Stigen
  dam | Dam | Women
    klanningar | Klänningar | Dresses | Klänning, Maxiklänning, Linneklänning | 399 | 1299 | size colour
    trojor | Tröjor | Sweaters | Tröja, Hoodie, Cardigan, Stickad tröja | 299 | 899 | size colour
    t-shirts | T-shirts | T-shirts | T-shirt, Linne, Topp | 149 | 349 | size colour
  herr | Herr | Men
    skjortor | Skjortor | Shirts | Skjorta, Linneskjorta, Flanellskjorta | 399 | 999 | size colour
    trojor | Tröjor | Sweaters | Tröja, Hoodie, Cardigan, Stickad tröja | 299 | 899 | size colour
    byxor | Byxor | Trousers | Chinos, Jeans, Manchesterbyxor | 499 | 1199 | size
  barn | Barn | Kids
    bodys | Bodys | Bodysuits | Body, Kortärmad body | 99 | 249 | kids
    trojor | Tröjor | Sweaters | Collegetröja, Tröja, Hoodie | 149 | 399 | kids colour
    overaller | Overaller | Overalls | Overall, Skaloverall, Vinteroverall | 499 | 1299 | kids
skor | Skor | Shoes | SK | 25 | Stigen, Sälen Sport, Nordkust
  dam | Dam | Women
    sneakers | Sneakers | Sneakers | Sneakers, Löparsko, Canvassko | 499 | 1499 | shoe colour
    kangor | Kängor | Boots | Känga, Chelseaboot, Vandringskänga | 899 | 2199 | shoe
  herr | Herr | Men
    sneakers | Sneakers | Sneakers | Sneakers, Löparsko, Canvassko | 499 | 1499 | shoe colour
    finskor | Finskor | Dress shoes | Oxford, Loafer, Derbysko | 999 | 2499 | shoe
  barn | Barn | Kids
    gummistovlar | Gummistövlar | Rubber boots | Gummistövel, Fodrad stövel | 249 | 599 | shoe
accessoarer | Accessoarer | Accessories | AC | 25 | Björkö Design, Urban Loom, Havsbris
  vaskor | Väskor | Bags
    ryggsackar | Ryggsäckar | Backpacks | Ryggsäck, Dagsryggsäck, Rullväska | 399 | 1499 | colour
    necessarer | Necessärer | Toiletry bags | Necessär, Sminkväska | 149 | 399 | colour
  smycken | Smycken | Jewellery
    halsband | Halsband | Necklaces | Halsband, Hänge, Kedja | 199 | 899 |
    orhangen | Örhängen | Earrings | Örhängen, Creoler, Studs | 149 | 599 |
  mossor-vantar | Mössor & vantar | Hats & gloves
    mossor | Mössor | Beanies | Mössa, Ribbstickad mössa, Pälsmössa | 149 | 449 | colour
    halsdukar | Halsdukar | Scarves | Halsduk, Sjal, Tubhalsduk | 199 | 599 | colour
hem | Hem | Home | HE | 25 | Ljusgården, Björkö Design, Lindqvist & Son
  kok | Kök | Kitchen
    muggar | Muggar | Mugs | Mugg, Kaffekopp, Tekopp | 79 | 249 | colour
    skarbrador | Skärbrädor | Chopping boards | Skärbräda, Serveringsbricka | 199 | 699 |
  textil | Textil | Textiles
    kuddfodral | Kuddfodral | Cushion covers | Kuddfodral, Linnekudde | 149 | 399 | colour
    pladar | Plädar | Throws | Pläd, Ullfilt | 399 | 1299 | colour
  belysning | Belysning | Lighting
    ljusstakar | Ljusstakar | Candle holders | Ljusstake, Lykta, Värmeljushållare | 129 | 599 |
    lampor | Lampor | Lamps | Bordslampa, Golvlampa, Taklampa | 499 | 2999 |
mat-dryck | Mat & dryck | Food & drink | MD | 12 | Kaffekompaniet, Havsbris
  kaffe-te | Kaffe & te | Coffee & tea
    kaffe | Kaffe | Coffee | Bryggkaffe, Espressobönor, Mellanrost | 59 | 189 |
    te | Te | Tea | Grönt te, Earl Grey, Rooibos | 39 | 129 |
  godis | Godis | Sweets
    choklad | Choklad | Chocolate | Mörk choklad, Mjölkchoklad, Chokladkaka | 29 | 119 |
    lakrits | Lakrits | Liquorice | Saltlakrits, Lakritsrem | 25 | 89 |
bocker | Böcker | Books | BO | 6 | Bokförlaget Gran
  skonlitteratur | Skönlitteratur | Fiction
    romaner | Romaner | Novels | Roman, Pocketbok, Novellsamling | 99 | 299 |
    deckare | Deckare | Crime | Deckare, Thriller | 99 | 279 |
  fackbocker | Fackböcker | Non-fiction
    kokbocker | Kokböcker | Cookbooks | Kokbok, Bakbok | 199 | 449 |
    resor | Resor | Travel | Reseguide, Vandringsguide | 149 | 349 |
"""


def _items(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def _leaf(cells: list[str]) -> Leaf:
    slug, sv, en, nouns, low, high, axes = cells
    return Leaf(slug, sv, en, _items(nouns), (int(low), int(high)), tuple(axes.split()))


def _parse(tree: str) -> tuple[Department, ...]:
    """The departments of ``tree``: each line is a child of the last line one level up."""
    outline: list[tuple[list[str], list[tuple[list[str], list[Leaf]]]]] = []
    for line in tree.strip("\n").splitlines():
        depth = (len(line) - len(line.lstrip())) // 2
        cells = [cell.strip() for cell in line.split("|")]
        if depth == 0:
            outline.append((cells, []))
        elif depth == 1:
            outline[-1][1].append((cells, []))
        else:
            outline[-1][1][-1][1].append(_leaf(cells))
    return tuple(
        Department(
            slug,
            sv,
            en,
            code,
            Decimal(vat),
            _items(brands),
            tuple(Section(s_slug, s_sv, s_en, tuple(leaves)) for (s_slug, s_sv, s_en), leaves in sections),
        )
        for (slug, sv, en, code, vat, brands), sections in outline
    )


DEPARTMENTS: tuple[Department, ...] = _parse(_TREE)

MODEL_NAMES: tuple[str, ...] = (
    "Åre",
    "Visby",
    "Ystad",
    "Kiruna",
    "Sälen",
    "Lund",
    "Borgå",
    "Falun",
    "Mora",
    "Smögen",
    "Öland",
    "Göta",
    "Vättern",
    "Skagen",
    "Oskar",
    "Elsa",
    "Linnea",
    "Björn",
    "Astrid",
    "Sigrid",
    "Tove",
    "Nils",
)
ADJECTIVES: tuple[str, ...] = (
    "Klassisk",
    "Mjuk",
    "Ekologisk",
    "Vardags",
    "Premium",
    "Lätt",
    "Varm",
    "Retro",
    "Basic",
    "Nordisk",
)
SIZES: dict[str, tuple[str, ...]] = {
    "size": ("XS", "S", "M", "L", "XL", "XXL"),
    "shoe": ("36", "37", "38", "39", "40", "41", "42", "43", "44", "45"),
    "kids": ("74", "80", "86", "92", "98", "104", "110", "116"),
}
COLOURS: tuple[str, ...] = ("Svart", "Vit", "Marinblå", "Grå", "Röd", "Grön", "Beige", "Senapsgul")
SIZE_ATTRIBUTE = "Storlek"
COLOUR_ATTRIBUTE = "Färg"

FIRST_NAMES: tuple[str, ...] = (
    "Anna",
    "Erik",
    "Åsa",
    "Björn",
    "Karin",
    "Lars",
    "Maja",
    "Oskar",
    "Sofia",
    "Johan",
    "Ingrid",
    "Pär",
)
LAST_NAMES: tuple[str, ...] = (
    "Andersson",
    "Johansson",
    "Öberg",
    "Ström",
    "Karlsson",
    "Nilsson",
    "Lindqvist",
    "Ekström",
    "Berg",
    "Sjögren",
)
STREETS: tuple[str, ...] = ("Storgatan", "Drottninggatan", "Kungsvägen", "Skolgatan", "Ängsvägen", "Åsgatan")
CITIES: tuple[tuple[str, str], ...] = (
    ("111 22", "Stockholm"),
    ("411 05", "Göteborg"),
    ("211 20", "Malmö"),
    ("753 10", "Uppsala"),
    ("903 26", "Umeå"),
    ("831 30", "Östersund"),
)
