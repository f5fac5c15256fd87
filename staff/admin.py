"""The audit trail in the admin: superusers may read it, and no one may change it."""

from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only for superusers, invisible to everyone else: the trail can be read, never edited."""

    list_display = ["created_at", "username", "action", "count", "inquiry_numbers", "detail"]
    list_filter = ["action", ("user", admin.RelatedOnlyFieldListFilter), "created_at"]
    search_fields = ["username"]
    readonly_fields = ["created_at", "user", "username", "action", "inquiry_ids", "count", "detail"]

    @admin.display(description="Inquiries")
    def inquiry_numbers(self, event):
        numbers = [f"#{pk}" for pk in event.inquiry_ids[:20]]
        return ", ".join(numbers) + (" …" if len(event.inquiry_ids) > 20 else "")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
