# redline-label: {"label": "secure", "cwes": ["CWE-862", "CWE-285"], "task": null, "category": "access-control", "style": "django-view"}
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .models import Course, Enrollment


@require_POST
@permission_required("courses.manage_enrollment", raise_exception=True)
def remove_student(request, course_slug, enrollment_id):
    """Teaching staff remove a student from a course roster."""
    course = get_object_or_404(Course, slug=course_slug)
    enrollment = get_object_or_404(Enrollment, pk=enrollment_id, course=course)
    enrollment.delete()
    messages.info(request, "Student removed from the roster.")
    return redirect("courses:roster", course_slug=course.slug)


@require_POST
@permission_required("courses.manage_enrollment", raise_exception=True)
def close_enrollment(request, course_slug):
    course = get_object_or_404(Course, slug=course_slug)
    course.enrollment_open = False
    course.save(update_fields=["enrollment_open"])
    return redirect("courses:roster", course_slug=course.slug)
