"""Media checks: content decides, not the file name; metadata is stripped; only YouTube and Vimeo links."""
import io

import pytest
from PIL import Image

from dashboard.verhalen import media


def jpeg_with_gps(size=(2400, 1200)) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 6.0, 0.0), 3: "E", 4: (5.0, 30.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_the_test_photo_really_has_gps():
    assert 0x8825 in Image.open(io.BytesIO(jpeg_with_gps())).getexif()


def test_photo_is_reencoded_without_exif_or_gps_and_resized():
    cleaned = Image.open(io.BytesIO(media.photo(jpeg_with_gps())))
    assert cleaned.format == "JPEG"
    assert max(cleaned.size) == media.MAX_SIDE
    assert len(cleaned.getexif()) == 0
    assert "exif" not in cleaned.info


def test_png_with_transparency_becomes_a_jpeg():
    out = io.BytesIO()
    Image.new("RGBA", (50, 40), (255, 0, 0, 0)).save(out, format="PNG")
    assert Image.open(io.BytesIO(media.photo(out.getvalue()))).size == (50, 40)


@pytest.mark.parametrize("data", [
    b"<?php system($_GET['c']); ?>",                       # a PHP file renamed to .jpg
    b"\xff\xd8\xff\xe0" + b"<?php echo 1; ?>" * 10,        # JPEG magic bytes, then nothing of an image
    b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",                # a real format, not on the allow-list
])
def test_files_that_are_not_jpeg_png_or_webp_are_refused(data):
    with pytest.raises(media.MediaRejected) as refused:
        media.photo(data)
    assert "JPEG" in str(refused.value)


def test_video_is_recognised_by_its_first_bytes():
    assert media.video_kind(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100, 1000) == "mp4"
    assert media.video_kind(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 50, 1000) == "webm"
    with pytest.raises(media.MediaRejected):
        media.video_kind(b"<?php echo 1; ?>" + b"\x00" * 100, 1000)


def test_oversized_video_is_refused():
    with pytest.raises(media.MediaRejected) as refused:
        media.video_kind(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2_000_000, max_bytes=1_000_000)
    assert "groter dan 1 MB" in str(refused.value)


@pytest.mark.parametrize("url, canonical", [
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
    ("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
    ("https://vimeo.com/76979871", "https://vimeo.com/76979871"),
    ("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"),
])
def test_youtube_and_vimeo_links_are_accepted_in_one_form(url, canonical):
    assert media.video_link(url) == canonical


@pytest.mark.parametrize("url", [
    "http://www.youtube.com/watch?v=aqz-KE-bpKQ",            # not https
    "https://www.youtube.com.evil.nl/watch?v=aqz-KE-bpKQ",   # look-alike host
    "https://evil.nl/?u=https://youtube.com/watch?v=aqz-KE-bpKQ",
    "https://user@www.youtube.com/watch?v=aqz-KE-bpKQ",
    "javascript:alert(1)",
    "https://dailymotion.com/video/x7",
    "https://vimeo.com/abc",
])
def test_other_links_are_refused(url):
    with pytest.raises(media.MediaRejected):
        media.video_link(url)


def test_stored_files_get_generated_names_and_odd_names_resolve_to_nothing(tmp_path):
    name = media.store(b"abc", "jpg", tmp_path)
    assert media.path(name, tmp_path).read_bytes() == b"abc"
    assert media.path("../../etc/passwd", tmp_path) is None
    assert media.path("foto.php", tmp_path) is None
