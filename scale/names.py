"""Names of the women, their children and the places they come from, in the languages of the
women held: Thai, Burmese, Khmer, Lao, Vietnamese, Arabic, Spanish, French, English, Nigerian
(Yoruba, Igbo, Hausa), Portuguese, Tagalog. Surnames follow Zipf's law within each language:
a few are very common, most are rare, as in any register of names."""

import bisect
import itertools
import random
from dataclasses import dataclass, field

# given names, family names, nationalities (ISO 3166), languages (ISO 639-1), home places with
# their coordinates. Thai names are written half in Thai script, half in Latin letters, as
# registers keep them.
GROUPS: dict[str, dict] = {
    "thai": {
        "given": "Malee Somsri Ratana Siriporn Wanida Pranee Kanya Nittaya Supaporn Duangjai "
        "Ploy Nong Areerat Busaba Chanida Jintana Kulap Lamai Mayuree Orathai Pimchanok "
        "Rungnapa Sukanya Thanaporn Usa Waraporn Yupin Achara Benjamas Chutima".split(),
        "family": "Srisuk Saetang Wongsawat Chaiyaporn Rattanakul Suwannarat Boonmee "
        "Kittisak Thongdee Sukprasert Phromma Sombat Jaidee Kaewkla Intharasuk Chanthra "
        "Panyasiri Yodsuwan Ruangrit Siriwong Nakphong Thammasat Wongchai Pholsena "
        "Saelim Saeli Srisawat Meesuk Noinart Bunnag".split(),
        "given_native": "มาลี สมศรี รัตนา ศิริพร วนิดา ปราณี กันยา นิตยา สุภาพร ดวงใจ พลอย "
        "อารีรัตน์ บุษบา ชนิดา จินตนา ละมัย มยุรี อรทัย พิมพ์ชนก รุ่งนภา สุกัญญา".split(),
        "family_native": "ศรีสุข แซ่ตั้ง วงศ์สวัสดิ์ ชัยพร รัตนกุล สุวรรณรัตน์ บุญมี กิตติศักดิ์ "
        "ทองดี สุขประเสริฐ พรหมมา สมบัติ ใจดี แก้วกล้า อินทรสุข จันทรา ปัญญาศิริ".split(),
        "nationality": "TH",
        "languages": ["th"],
        "places": [
            ("Bangkok", 13.75, 100.50),
            ("Chiang Mai", 18.79, 98.98),
            ("Khon Kaen", 16.43, 102.84),
            ("Nakhon Ratchasima", 14.97, 102.10),
            ("Hat Yai", 7.01, 100.47),
            ("Udon Thani", 17.41, 102.79),
            ("Surat Thani", 9.14, 99.33),
            ("Ubon Ratchathani", 15.24, 104.85),
        ],
        "weight": 40,
    },
    "burmese": {
        "given": "Aye Thandar Khin Mya Nwe Hla Su Thiri Ei Phyu Mar Yin Moe Zin Nilar Sandar "
        "Thin Wai Yadanar Zar Chaw Htet Kyi Nandar Ohnmar Pyae Sabai Tin Win".split(),
        "family": "Thandar Win Aung Oo Htun Kyaw Myint Naing Lwin Soe Hlaing Maung Thein Tun "
        "Zaw Nyein Khaing Moe Htay Phyo Swe Thaw Yee Mon Cho Shwe San Wai Lin Hmwe".split(),
        "nationality": "MM",
        "languages": ["my"],
        "places": [
            ("Yangon", 16.87, 96.20),
            ("Mandalay", 21.97, 96.08),
            ("Myawaddy", 16.69, 98.51),
        ],
        "weight": 10,
    },
    "khmer": {
        "given": "Sokha Srey Dara Chanthou Bopha Kanha Leakhena Malis Phalla Rachana Sophea "
        "Sreyneang Theary Vanna Chenda Kolab Mealea Nary Pisey Sothea".split(),
        "family": "Sok Chan Keo Heng Chea Meas Ouk Pich Phan Ros Sam Seng Tep Un Vong Yim "
        "Kim Long Nhem Prak".split(),
        "nationality": "KH",
        "languages": ["km"],
        "places": [
            ("Phnom Penh", 11.56, 104.92),
            ("Battambang", 13.10, 103.20),
            ("Poipet", 13.66, 102.56),
        ],
        "weight": 7,
    },
    "lao": {
        "given": "Bouasone Chanthaly Dala Keo Manivanh Noy Phonesavanh Souksavanh Vilaykham "
        "Khamla Latsamy Souphaphone".split(),
        "family": "Phommachanh Sisavath Vongphachanh Keomany Inthavong Souvannavong "
        "Chanthavong Phanthavong Sengdara Khounphakdy".split(),
        "nationality": "LA",
        "languages": ["lo"],
        "places": [("Vientiane", 17.97, 102.63), ("Savannakhet", 16.55, 104.75)],
        "weight": 4,
    },
    "vietnamese": {
        "given": "Lan Hoa Mai Huong Thu Linh Ngoc Phuong Thao Trang Hanh Yen Nhung Dung".split(),
        "family": "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do Ho Ngo Duong Ly".split(),
        "nationality": "VN",
        "languages": ["vi"],
        "places": [("Ho Chi Minh City", 10.82, 106.63), ("Hanoi", 21.03, 105.85)],
        "weight": 4,
    },
    "arabic": {
        "given": "Fatima Aisha Maryam Layla Nour Huda Salma Zainab Amira Yasmin Rania Samira "
        "Hana Leila Dina Khadija Mona Reem Sara Lubna".split(),
        "family": "Al-Hassan Haddad Khalil Mansour Nasser Saleh Youssef Ibrahim Hamdan Farouk "
        "Aziz Karim Rahman Darwish Haddad Qasim Taha Suleiman Bakr Othman".split(),
        "nationality": "JO",
        "languages": ["ar"],
        "places": [("Amman", 31.95, 35.93), ("Cairo", 30.04, 31.24), ("Beirut", 33.89, 35.50)],
        "weight": 6,
    },
    "spanish": {
        "given": "María Carmen Ana Lucía Isabel Rosa Laura Marta Elena Sofía Paula Pilar "
        "Guadalupe Verónica Claudia Daniela Alejandra Juana Teresa Beatriz".split(),
        "family": "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez "
        "Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz Romero Torres Ramírez".split(),
        "nationality": "CO",
        "languages": ["es"],
        "places": [
            ("Bogotá", 4.71, -74.07),
            ("Lima", -12.05, -77.04),
            ("Ciudad de México", 19.43, -99.13),
        ],
        "weight": 8,
    },
    "french": {
        "given": "Marie Camille Léa Chloé Manon Inès Sarah Julie Amélie Aurélie Céline "
        "Élodie Nathalie Sandrine Aminata Fatou Awa Mariam".split(),
        "family": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau "
        "Diallo Traoré Koné Diop Ndiaye Camara Sow Cissé".split(),
        "nationality": "FR",
        "languages": ["fr"],
        "places": [("Paris", 48.86, 2.35), ("Dakar", 14.72, -17.47), ("Abidjan", 5.36, -4.01)],
        "weight": 5,
    },
    "english": {
        "given": "Sarah Emma Jessica Emily Hannah Rebecca Laura Amy Rachel Charlotte Sophie "
        "Lauren Megan Chloe Danielle Kelly Nicola Claire Joanne Lisa".split(),
        "family": "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson "
        "Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall".split(),
        "nationality": "GB",
        "languages": ["en"],
        "places": [
            ("London", 51.51, -0.13),
            ("Manchester", 53.48, -2.24),
            ("Sydney", -33.87, 151.21),
        ],
        "weight": 6,
    },
    "nigerian": {
        "given": "Adaeze Chioma Ngozi Funmilayo Folake Yetunde Aisha Hauwa Zainab Amaka "
        "Ifeoma Nkechi Bisola Temitope Kemi Blessing Precious Halima".split(),
        "family": "Okafor Adeyemi Okonkwo Bello Abubakar Eze Nwosu Olawale Adebayo Ibrahim "
        "Okeke Chukwu Usman Balogun Ogunleye Musa Onyeka Nnamdi".split(),
        "nationality": "NG",
        "languages": ["en", "yo"],
        "places": [("Lagos", 6.52, 3.38), ("Abuja", 9.08, 7.40), ("Kano", 12.00, 8.52)],
        "weight": 5,
    },
    "portuguese": {
        "given": "Ana Maria Beatriz Juliana Fernanda Gabriela Larissa Mariana Rafaela "
        "Tatiana".split(),
        "family": "Silva Santos Oliveira Souza Lima Pereira Ferreira Costa Rodrigues "
        "Almeida".split(),
        "nationality": "BR",
        "languages": ["pt"],
        "places": [("São Paulo", -23.55, -46.63), ("Luanda", -8.84, 13.23)],
        "weight": 3,
    },
    "tagalog": {
        "given": "Maricel Rowena Jocelyn Analyn Marites Rosalie Liezl Cherry Joy Lorna".split(),
        "family": "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Castillo Flores".split(),
        "nationality": "PH",
        "languages": ["tl"],
        "places": [("Manila", 14.60, 120.98), ("Cebu", 10.32, 123.89)],
        "weight": 2,
    },
}

# Rare surnames are made from the common ones by the suffixes and prefixes each language uses,
# so the long tail of the distribution has thousands of distinct names, as real registers do.
_AFFIXES = {
    "thai": ("", "wong", "sakul", "chai", "porn", "siri", "rat", "kul"),
    "burmese": ("", " Aung", " Kyi", " Min", " Htun"),
    "khmer": ("", "rith", "vuth", "ly", "na"),
    "lao": ("", "vong", "sack", "phone"),
    "vietnamese": ("", " Thi", " Van", " Minh"),
    "arabic": ("", "Al-", "Abu ", "Bin "),
    "spanish": ("", " de la Cruz", " del Río", " y Vega", "-Soto"),
    "french": ("", "-Dupont", " de Sousa", "eau", "ier"),
    "english": ("", "son", "-Smythe", "ley", "ford"),
    "nigerian": ("", "-Oyelaran", "wu", "ade", "ola"),
    "portuguese": ("", " da Costa", " dos Santos", " de Souza"),
    "tagalog": ("", " de Guzman", " dela Cruz", " Jr"),
}

# Surnames' frequencies follow Zipf's law with Mandelbrot's offset (Fox and Lasker; Zanette
# and Manrubia): the commonest name of a language is 1-3 % of its speakers, not a third.
ZIPF_EXPONENT = 1.07
ZIPF_OFFSET = 8


@dataclass
class Pool:
    """One language group's names, with the cumulative weights of its surnames."""

    key: str
    given: list[str]
    family: list[str]
    cumulative: list[float] = field(repr=False)
    given_native: list[str]
    family_native: list[str]
    native_cumulative: list[float] = field(repr=False)
    nationality: str
    languages: list[str]
    places: list[tuple[str, float, float]]

    def surname(self, rng: random.Random, native: bool = False) -> str:
        names, cumulative = (
            (self.family_native, self.native_cumulative)
            if native
            else (self.family, self.cumulative)
        )
        return names[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def _zipf(count: int) -> list[float]:
    return list(
        itertools.accumulate(
            1 / (rank + ZIPF_OFFSET) ** ZIPF_EXPONENT for rank in range(1, count + 1)
        )
    )


# Thai surnames are many and rare (each family registers its own): the tail is made of the
# syllables they are made of.
_THAI_SYLLABLES = (
    "Sri Suk Wong Chai Porn Rat Kul Sak Boon Thong Siri Phan Yod Ruang Nak Kaew Chan "
    "Intha Sawat Phrom Sombat Jai Panya Mee Noi Saeng Kham Thip Pradit Charoen".split()
)
_THAI_NATIVE_SYLLABLES = "ศรี สุข วงศ์ ชัย พร รัตน์ กุล ศักดิ์ บุญ ทอง ศิริ พันธ์ ยศ เรือง แก้ว จันทร์".split()


def _syllables(common: list[str], syllables: tuple | list, lower: bool) -> list[str]:
    names = list(dict.fromkeys(common))
    for a, b, c in itertools.product(syllables, repeat=3):
        if a != b != c:
            names.append(a + (b + c).lower() if lower else a + b + c)
    return list(dict.fromkeys(names))


def _long_tail(key: str, common: list[str]) -> list[str]:
    """The common surnames first (in rank order), then the rarer forms."""
    if key == "thai":
        return _syllables(common, _THAI_SYLLABLES, lower=True)
    names = list(dict.fromkeys(common))
    for affix in _AFFIXES[key][1:]:
        for name in common:
            names.append(affix + name if affix.endswith((" ", "-")) else name + affix)
    return list(dict.fromkeys(names))


def pools() -> list[tuple[Pool, int]]:
    made = []
    for key, group in GROUPS.items():
        family = _long_tail(key, group["family"])
        native = group.get("family_native", [])
        if native:
            native = _syllables(native, _THAI_NATIVE_SYLLABLES, lower=False)
        made.append(
            (
                Pool(
                    key=key,
                    given=group["given"],
                    family=family,
                    cumulative=_zipf(len(family)),
                    given_native=group.get("given_native", []),
                    family_native=native,
                    native_cumulative=_zipf(len(native)) if native else [],
                    nationality=group["nationality"],
                    languages=group["languages"],
                    places=group["places"],
                ),
                group["weight"],
            )
        )
    return made
