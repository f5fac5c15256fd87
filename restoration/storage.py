"""Uploaded images in S3-compatible object storage (AWS S3, Cloudflare R2, MinIO, …), linked from our own domain.

Pages load nothing from another origin (the Content-Security-Policy allows only 'self'), so an image is linked as
``/media/<name>`` and the load balancer routes ``/media/`` to the bucket (README.md, Production).
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class SameOriginS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name))
