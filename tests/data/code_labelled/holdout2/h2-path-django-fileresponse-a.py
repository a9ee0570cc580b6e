# redline-label: {"label": "secure", "cwes": ["CWE-22"], "task": null, "category": "path-upload", "style": "django-view"}
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .models import Payslip


@login_required
def download_payslip(request, payslip_id: int):
    """Employees download their own payslips. The file path is stored by the payroll job, not sent by the client."""
    payslip = get_object_or_404(Payslip, pk=payslip_id, employee__user=request.user)
    if not payslip.pdf:
        raise Http404("payslip not generated yet")
    return FileResponse(
        payslip.pdf.open("rb"),
        as_attachment=True,
        filename=f"payslip-{payslip.period:%Y-%m}.pdf",
        content_type="application/pdf",
    )
