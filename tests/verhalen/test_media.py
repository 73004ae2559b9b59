"""Media checks: content decides, not the file name; metadata is stripped; only YouTube and Vimeo links."""
import io
from pathlib import Path

import pytest
from PIL import Image

from dashboard.verhalen import media

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "media"


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


@pytest.fixture(scope="module")
def videos(tmp_path_factory) -> dict[str, bytes]:
    """One-second videos as ffmpeg writes them: MP4 (moov at the end, and fragmented) and WebM."""
    import subprocess

    import imageio_ffmpeg

    folder = tmp_path_factory.mktemp("videos")
    made = {}
    for name, options in (("mp4", ["-pix_fmt", "yuv420p"]), ("fragmented.mp4", ["-movflags", "frag_keyframe+empty_moov"]),
                          ("webm", ["-c:v", "libvpx-vp9"])):
        path = folder / f"video.{name}"
        subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i",
                        "color=c=blue:s=64x48:d=1", *options, str(path)], check=True, timeout=120)
        made[name] = path.read_bytes()
    return made


def test_whole_videos_are_recognised_by_their_container(videos):
    assert media.video_kind(videos["mp4"], 1_000_000) == "mp4"
    assert media.video_kind(videos["fragmented.mp4"], 1_000_000) == "mp4"
    assert media.video_kind(videos["webm"], 1_000_000) == "webm"
    for demo in (DEMO / "renovatie.webm", DEMO / "zon.webm"):
        assert media.video_kind(demo.read_bytes(), 1_000_000) == "webm"


HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize("data", [
    b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + HTML,  # an HTML page behind MP4's first bytes
    b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100,  # the magic bytes, then nothing of a video
    b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + HTML,  # WebM's header, then HTML
    b"<?php echo 1; ?>" + b"\x00" * 100,
])
def test_files_that_only_start_like_a_video_are_refused(data):
    with pytest.raises(media.MediaRejected, match="geen MP4- of WebM-video"):
        media.video_kind(data, 1_000_000)


@pytest.mark.parametrize("name", ["mp4", "fragmented.mp4", "webm"])
def test_a_cut_or_padded_video_is_refused(videos, name):
    whole = videos[name]
    for data in (whole[:-7], whole[:len(whole) // 2], whole + HTML):
        with pytest.raises(media.MediaRejected, match="geen MP4- of WebM-video"):
            media.video_kind(data, 1_000_000)


def test_an_mp4_without_its_movie_box_is_refused(videos):
    data = videos["mp4"].replace(b"moov", b"free", 1)
    with pytest.raises(media.MediaRejected):
        media.video_kind(data, 1_000_000)


def test_oversized_video_is_refused(videos):
    with pytest.raises(media.MediaRejected) as refused:
        media.video_kind(videos["mp4"] + b"\x00" * 2_000_000, max_bytes=1_000_000)
    assert "groter dan 1 MB" in str(refused.value)


def test_a_cut_photo_is_refused():
    whole = jpeg_with_gps((200, 100))
    with pytest.raises(media.MediaRejected, match="geen leesbare foto"):
        media.photo(whole[:len(whole) // 2])


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
