"""Uploaded images: validated with Pillow, stripped of metadata, and resized once into renditions.

Every file written (the cleaned original and each rendition) holds pixels in sRGB and nothing else: no EXIF, GPS,
XMP, comment, colour profile or text. Files go through Django's default storage (``STORAGES["default"]``), so
production can keep them in object storage.
"""

import io
import warnings
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Pillow format name → file extension of the cleaned original.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
RENDITION_WIDTHS = (480, 800, 1200, 1600)
WEBP_QUALITY, JPEG_QUALITY = 80, 82
# The article column is at most ~760 px wide; on phones the image spans the screen.
HERO_SIZES = "(min-width: 50rem) 760px, 100vw"
OPEN_GRAPH_WIDTH = 1200
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# The Pillow mode of the pixels an embedded colour profile describes, by the profile's colour space.
PROFILE_MODES = {"RGB ": "RGB", "GRAY": "L", "CMYK": "CMYK"}
THUMBNAIL_WIDTH = 240


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def _open_checked(upload):
    """Open ``upload`` with Pillow, refusing anything that is not a JPEG, PNG or WebP within the limits."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"This file is {_megabytes(upload.size)}; the limit is {_megabytes(MAX_UPLOAD_BYTES)}. "
            "Please export a smaller version (about 2000 pixels wide is plenty)."
        )
    too_big = ValidationError(
        f"This image has too many pixels (more than {MAX_PIXELS // 1_000_000} megapixels). "
        "Please resize it to about 2000 pixels wide and upload it again."
    )
    upload.seek(0)
    try:
        # Pillow only warns between its own limit and twice that; treat the warning as the refusal it is.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(f"Images must be JPEG, PNG or WebP; this file is {image.format}.")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise too_big
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            "This file is not an image we can read. Please upload a JPEG, PNG or WebP picture."
        ) from None
    return image


def _pixels_in_srgb(image):
    """The picture's pixels converted to sRGB from the colour profile it carries, with no metadata left on it.

    Pillow's encoders write what they find in ``image.info`` (a JPEG comment, an ICC profile…) and every operation
    (transpose, convert, resize) carries ``info`` along, so it is emptied here, before anything is derived or
    encoded. Browsers show a picture without a profile as sRGB, hence the conversion first.
    """
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            mode = PROFILE_MODES[profile.profile.xcolor_space]
            converted = ImageCms.profileToProfile(image.convert(mode), profile, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, KeyError):
            raise ValidationError(
                "This picture's colour profile cannot be used. Please export it in sRGB and upload it again."
            ) from None
        if image.has_transparency_data:
            converted.putalpha(image.convert("RGBA").getchannel("A"))
        image = converted
    image.info = {}
    return image


def clean_image_upload(upload):
    """Validate an upload and return it re-encoded: upright (EXIF orientation applied), in sRGB, without metadata.

    Raises ``ValidationError`` with a message for the editor when the file is refused.
    """
    image = _open_checked(upload)
    image_format = image.format
    image = _pixels_in_srgb(ImageOps.exif_transpose(image))
    if image_format == "JPEG":
        image = image.convert("RGB")
    elif image.mode not in {"RGB", "RGBA"}:
        image = image.convert("RGBA")
    encoded = _encode(image, image_format, **({"quality": 90} if image_format != "PNG" else {}))
    stem = slugify(PurePosixPath(upload.name).stem)[:60] or "image"
    return ContentFile(encoded, name=f"{stem}.{ALLOWED_FORMATS[image_format]}")


def _encode(image, image_format, **options):
    """``image`` (from ``_pixels_in_srgb``) as the bytes of an ``image_format`` file; JPEG has no transparency,
    so transparent parts become white."""
    buffer = io.BytesIO()
    if image_format == "JPEG" and image.mode != "RGB":
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A") if "A" in image.mode else None)
        image = background
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def make_renditions(field_file):
    """Resize a stored image once into WebP and JPEG at several widths; return where they are and how big.

    Everything is encoded in memory before the first file is written, so a failure leaves no partial set.
    """
    with field_file.open("rb") as stored:
        original = Image.open(stored)
        original.load()
    original = _pixels_in_srgb(original)  # an original stored some other way may still carry metadata
    width, height = original.size
    widths = sorted({w for w in RENDITION_WIDTHS if w < width} | {min(width, RENDITION_WIDTHS[-1])})
    stem = PurePosixPath(field_file.name).stem
    encoded = []
    for target in widths:
        resized = original.resize((target, round(height * target / width)), Image.Resampling.LANCZOS)
        webp = _encode(resized, "WEBP", quality=WEBP_QUALITY)
        jpeg = _encode(resized, "JPEG", quality=JPEG_QUALITY, progressive=True)
        encoded.append((resized.size, webp, jpeg))
    sizes = []
    for (w, h), webp, jpeg in encoded:
        sizes.append(
            {
                "width": w,
                "height": h,
                "webp": default_storage.save(f"renditions/{stem}-{w}.webp", ContentFile(webp)),
                "jpeg": default_storage.save(f"renditions/{stem}-{w}.jpg", ContentFile(jpeg)),
            }
        )
    return {"source": field_file.name, "width": width, "height": height, "sizes": sizes}


def delete_renditions(renditions):
    """Remove the files of a rendition set that is being replaced."""
    for size in renditions.get("sizes", []):
        default_storage.delete(size["webp"])
        default_storage.delete(size["jpeg"])


def picture(renditions, alt):
    """What ``includes/picture.html`` needs to draw a responsive ``<picture>``, or None without renditions."""
    sizes = renditions.get("sizes") if renditions else None
    if not sizes:
        return None
    fallback = next((s for s in sizes if s["width"] >= 800), sizes[-1])
    return {
        "webp_srcset": ", ".join(f"{default_storage.url(s['webp'])} {s['width']}w" for s in sizes),
        "jpeg_srcset": ", ".join(f"{default_storage.url(s['jpeg'])} {s['width']}w" for s in sizes),
        "src": default_storage.url(fallback["jpeg"]),
        "width": fallback["width"],
        "height": fallback["height"],
        "sizes": HERO_SIZES,
        "alt": alt,
    }


def open_graph_image(renditions):
    """The JPEG rendition closest to 1200 px wide (what link previews use), as a storage URL."""
    sizes = renditions.get("sizes") if renditions else None
    if not sizes:
        return None
    best = min(sizes, key=lambda s: abs(s["width"] - OPEN_GRAPH_WIDTH))
    return {"url": default_storage.url(best["jpeg"]), "width": best["width"], "height": best["height"]}


def thumbnail(renditions):
    """The smallest JPEG rendition at THUMBNAIL_WIDTH px (the admin's glimpse of the hero image), or None."""
    sizes = renditions.get("sizes") if renditions else None
    if not sizes:
        return None
    smallest = min(sizes, key=lambda s: s["width"])
    width = min(smallest["width"], THUMBNAIL_WIDTH)
    return {
        "url": default_storage.url(smallest["jpeg"]),
        "width": width,
        "height": round(smallest["height"] * width / smallest["width"]),
    }
