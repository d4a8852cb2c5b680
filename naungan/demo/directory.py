"""The demo's directory of partner providers (DESIGN §9) for Kota Balikpapan and Kalimantan
Tengah: services, coverage, hours, contacts, eligibility and capacity notes.

Every phone number and e-mail address here is fictional (``(0542) 000-…``, ``…@demo.naungan
.invalid``). Idempotent: a missing organisation is created; an existing one whose directory is
still empty (no hours recorded) gets these details once, so an administrator's later edits are
kept on a second run."""

from __future__ import annotations

from dataclasses import dataclass

from naungan.areas.models import Area, AreaLevel
from naungan.orgs.models import Organisation
from naungan.orgs.services import DirectoryIn, org_create, org_directory_update

OFFICE = "Senin–Jumat 08.00–16.00 WITA"
OFFICE_WIB = "Senin–Jumat 08.00–16.00 WIB"
# The kecamatan of Kota Balikpapan (Posbakum Aisyiyah keeps a post in each of them).
BPP_KECAMATAN = "*64.71"
ALL_PROVINCES = "*"


@dataclass(frozen=True)
class Partner:
    slug: str
    services: tuple[str, ...]
    coverage: tuple[str, ...]
    info: DirectoryIn
    # Only for an organisation the demo's first list (``seed.ORGS``) does not make.
    name: str = ""
    area: str = ""
    provider_type: str = ""
    capacity: int | None = None


def _mail(box: str) -> str:
    return f"{box}@demo.naungan.invalid"


PARTNERS: list[Partner] = [
    # --- Kota Balikpapan -------------------------------------------------------------------
    Partner(
        "posbakum-aisyiyah",
        ("legal_aid",),
        (BPP_KECAMATAN,),
        DirectoryIn(
            phone="(0542) 000-101",
            email=_mail("posbakum.aisyiyah"),
            address="Gedung Dakwah Muhammadiyah, Jl. Jend. Sudirman, Balikpapan",
            hours="Senin–Sabtu 08.00–15.00 WITA; pos kelurahan sesuai jadwal",
            eligibility="Bantuan hukum gratis bagi perempuan dan anak korban kekerasan yang "
            "tidak mampu: konsultasi, pendampingan di kepolisian dan pengadilan.",
            eligibility_documents=["sktm", "pkh"],
            capacity_notes="Dua paralegal per kecamatan; janji temu disarankan.",
        ),
    ),
    Partner(
        "lbh-balikpapan",
        ("legal_aid",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-102",
            email=_mail("lbh.balikpapan"),
            address="Jl. MT Haryono, Balikpapan Selatan",
            hours=OFFICE,
            eligibility="Perkara pidana dan perdata warga tidak mampu; kasus KDRT dan kekerasan "
            "seksual diprioritaskan.",
            eligibility_documents=["sktm"],
            capacity_notes="Menerima perkara baru setelah asesmen awal (paling lama 3 hari kerja).",
        ),
        name="LBH Balikpapan",
        area="64.71",
        provider_type="legal_aid",
    ),
    Partner(
        "rsud-kanujoso",
        ("health",),
        ("64.71", "64"),
        DirectoryIn(
            phone="(0542) 000-103",
            email=_mail("rsud.kanujoso"),
            address="Jl. MT Haryono No. 656, Balikpapan",
            hours="IGD 24 jam; poli Senin–Jumat 08.00–14.00 WITA",
            eligibility="Pemeriksaan dan visum et repertum atas permintaan penyidik; korban "
            "kekerasan seksual ditangani di ruang terpisah.",
            eligibility_documents=["kis", "ktp"],
            capacity_notes="Rumah sakit rujukan provinsi; visum dilayani 24 jam melalui IGD.",
        ),
        name="RSUD dr. Kanujoso Djatiwibowo",
        area="64.71",
        provider_type="health",
    ),
    Partner(
        "rsud-beriman",
        ("health",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-104",
            email=_mail("rsud.beriman"),
            address="Jl. Mayjen Sutoyo, Balikpapan",
            hours="IGD 24 jam; poli Senin–Sabtu 08.00–13.00 WITA",
            eligibility="Pemeriksaan kesehatan dan visum atas permintaan penyidik.",
            eligibility_documents=["kis", "ktp"],
        ),
    ),
    Partner(
        "puskesmas-manggar",
        ("health",),
        ("64.71.01",),
        DirectoryIn(
            phone="(0542) 000-105",
            email=_mail("puskesmas.manggar"),
            address="Jl. Mulawarman, Manggar, Balikpapan Timur",
            hours="Senin–Kamis 07.30–14.00, Jumat 07.30–11.00, Sabtu 07.30–12.30 WITA",
            eligibility="Pemeriksaan awal dan rujukan ke rumah sakit untuk visum.",
            eligibility_documents=["kis", "ktp", "kk"],
        ),
    ),
    Partner(
        "polresta-unit-ppa",
        ("law_enforcement",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-106",
            email=_mail("unitppa.polresta"),
            address="Mapolresta Balikpapan, Jl. Jend. Sudirman No. 8",
            hours="Laporan 24 jam (SPKT); penyidik Unit PPA Senin–Jumat 08.00–16.00 WITA",
            eligibility="Laporan polisi oleh korban, keluarga atau pendamping; perlindungan "
            "sementara menurut UU PKDRT Pasal 16.",
        ),
    ),
    Partner(
        "bikksa-mentari",
        ("psychosocial", "family_counselling"),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-107",
            email=_mail("bikksa.mentari"),
            address="Jl. Ahmad Yani, Balikpapan Tengah",
            hours="Senin–Sabtu 09.00–15.00 WITA",
            eligibility="Konseling keluarga dan pendampingan psikososial; tanpa biaya.",
            capacity_notes="Konselor sebaya Aisyiyah; sesi keluarga dengan janji temu.",
        ),
    ),
    Partner(
        "psikolog-bpp",
        ("psychosocial",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-108",
            email=_mail("psikolog.bpp"),
            address="Jl. Letjen Suprapto, Balikpapan Barat",
            hours="Senin–Jumat 09.00–17.00 WITA",
            eligibility="Asesmen dan konseling psikologis atas rujukan UPTD PPA; "
            "pemeriksaan psikologis untuk penyidikan.",
            capacity_notes="Daftar tunggu sekitar 1 minggu; kasus darurat didahulukan.",
        ),
    ),
    Partner(
        "pa-balikpapan",
        ("family_counselling",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-109",
            email=_mail("pa.balikpapan"),
            address="Jl. Jend. Sudirman, Balikpapan Kota",
            hours=OFFICE,
            eligibility="Perkara perceraian, hak asuh anak dan nafkah bagi warga beragama "
            "Islam; pembebasan biaya perkara (prodeo) bagi yang tidak mampu.",
            eligibility_documents=["sktm"],
        ),
    ),
    Partner(
        "kemenag-balikpapan",
        ("religious",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-110",
            email=_mail("kemenag.balikpapan"),
            address="Jl. Marsma R. Iswahyudi, Balikpapan Selatan",
            hours=OFFICE,
            eligibility="Pendampingan tokoh agama dan bimbingan keluarga melalui KUA kecamatan.",
        ),
        name="Kantor Kementerian Agama Kota Balikpapan",
        area="64.71",
        provider_type="religious_affairs",
    ),
    Partner(
        "dinsos-balikpapan",
        ("rehabilitation", "reintegration"),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-111",
            email=_mail("dinsos.balikpapan"),
            address="Jl. Ruhui Rahayu, Balikpapan Selatan",
            hours=OFFICE,
            eligibility="Rehabilitasi sosial dan reintegrasi korban; bantuan sosial bagi "
            "keluarga penerima manfaat.",
            eligibility_documents=["ktp", "kk"],
        ),
        name="Dinas Sosial Kota Balikpapan",
        area="64.71",
        provider_type="social_affairs",
    ),
    Partner(
        "rumah-aman-bpp",
        ("shelter",),
        ("64.71",),
        DirectoryIn(
            phone="(0542) 000-112",
            hours="24 jam, melalui UPTD PPA",
            eligibility="Perempuan dan anak korban kekerasan yang tidak aman di rumah; "
            "penempatan hanya atas keputusan UPTD PPA.",
            capacity_notes="Kamar terpisah untuk ibu dengan anak; lama tinggal awal 7 hari.",
        ),
    ),
    Partner(
        "lpsk",
        ("law_enforcement", "legal_aid", "rehabilitation"),
        (ALL_PROVINCES,),
        DirectoryIn(
            phone="(021) 000-148",
            email=_mail("lpsk"),
            address="Jl. Raya Bogor Km 24, Jakarta Timur",
            hours=OFFICE_WIB + "; permohonan daring setiap saat",
            eligibility="Perlindungan saksi dan korban tindak pidana, restitusi, bantuan "
            "medis dan rehabilitasi psikososial; permohonan tertulis.",
            eligibility_documents=["ktp"],
        ),
    ),
    Partner(
        "sapa-129",
        ("complaint", "case_management"),
        (ALL_PROVINCES,),
        DirectoryIn(
            phone="129",
            email=_mail("sapa129"),
            hours="24 jam",
            eligibility="Pengaduan kekerasan terhadap perempuan dan anak dari seluruh "
            "Indonesia; kasus lintas provinsi dan luar negeri.",
        ),
        name="SAPA 129 KemenPPPA",
        area="31",
        provider_type="national",
    ),
    # --- Kalimantan Tengah (Palangka Raya) --------------------------------------------------
    Partner(
        "rsud-doris-sylvanus",
        ("health",),
        ("62.71", "62"),
        DirectoryIn(
            phone="(0536) 000-201",
            email=_mail("rsud.doris"),
            address="Jl. Tambun Bungai No. 4, Palangka Raya",
            hours="IGD 24 jam; poli Senin–Jumat 08.00–14.00 WIB",
            eligibility="Pemeriksaan dan visum atas permintaan penyidik.",
            eligibility_documents=["kis", "ktp"],
        ),
    ),
    Partner(
        "puskesmas-pahandut",
        ("health",),
        ("62.71.01",),
        DirectoryIn(
            phone="(0536) 000-202",
            email=_mail("puskesmas.pahandut"),
            address="Jl. Kalimantan, Pahandut, Palangka Raya",
            hours="Senin–Kamis 07.30–14.00, Jumat 07.30–11.00 WIB",
            eligibility="Pemeriksaan awal dan rujukan visum.",
            eligibility_documents=["kis", "ktp", "kk"],
        ),
        name="Puskesmas Pahandut",
        area="62.71.01",
        provider_type="health",
    ),
    Partner(
        "polda-kalteng-ppa",
        ("law_enforcement",),
        ("62",),
        DirectoryIn(
            phone="(0536) 000-203",
            email=_mail("ppa.poldakalteng"),
            address="Jl. Tjilik Riwut Km 1, Palangka Raya",
            hours="Laporan 24 jam (SPKT); penyidik Senin–Jumat 08.00–16.00 WIB",
        ),
    ),
    Partner(
        "posbakum-palangkaraya",
        ("legal_aid",),
        ("62.71",),
        DirectoryIn(
            phone="(0536) 000-204",
            email=_mail("posbakum.pnpky"),
            address="Pengadilan Negeri Palangka Raya, Jl. Kapten Piere Tendean",
            hours="Senin–Jumat 08.00–15.00 WIB",
            eligibility="Konsultasi dan bantuan hukum bagi warga tidak mampu.",
            eligibility_documents=["sktm", "pkh"],
        ),
    ),
    Partner(
        "psikolog-kalteng",
        ("psychosocial",),
        ("62",),
        DirectoryIn(
            phone="(0536) 000-205",
            email=_mail("psikolog.kalteng"),
            hours="Senin–Jumat 09.00–16.00 WIB",
            eligibility="Asesmen dan konseling psikologis atas rujukan UPTD PPA.",
            capacity_notes="Layanan jarak jauh (video) untuk kabupaten di luar Palangka Raya.",
        ),
    ),
    Partner(
        "pa-palangkaraya",
        ("family_counselling",),
        ("62.71",),
        DirectoryIn(
            phone="(0536) 000-206",
            email=_mail("pa.palangkaraya"),
            address="Jl. Jintan, Palangka Raya",
            hours=OFFICE_WIB,
            eligibility="Perkara perceraian, hak asuh anak dan nafkah; prodeo bagi yang "
            "tidak mampu.",
            eligibility_documents=["sktm"],
        ),
    ),
    Partner(
        "rumah-aman-kalteng",
        ("shelter",),
        ("62",),
        DirectoryIn(
            phone="(0536) 000-207",
            hours="24 jam, melalui UPTD PPA Provinsi",
            eligibility="Perempuan dan anak korban kekerasan; penempatan atas keputusan UPTD PPA.",
            capacity_notes="Satu kamar untuk anak laki-laki di atas 12 tahun.",
        ),
    ),
]


def _codes(coverage: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for code in coverage:
        if code == ALL_PROVINCES:
            out += Area.objects.filter(level=AreaLevel.PROVINCE).values_list("code", flat=True)
        elif code.startswith("*"):  # the kecamatan of a kota
            out += Area.objects.filter(parent__code=code[1:], level=AreaLevel.DISTRICT).values_list(
                "code", flat=True
            )
        else:
            out.append(code)
    return out


def seed_directory() -> None:
    """Create the demo partners that are missing and fill in the directory of those whose
    directory is still empty."""
    for p in PARTNERS:
        org = Organisation.objects.filter(slug=p.slug).first()
        if org is None:
            org_create(
                actor=None,
                slug=p.slug,
                name=p.name,
                kind="provider",
                area_code=p.area,
                services=list(p.services),
                provider_type=p.provider_type,
                capacity=p.capacity,
                coverage_codes=_codes(p.coverage),
                directory=p.info,
            )
        elif not org.hours:
            org_directory_update(
                actor=None,
                org=org,
                directory=p.info,
                services=list(p.services),
                coverage_codes=_codes(p.coverage),
            )
