# redline-label: {"label": "secure", "cwes": ["CWE-862", "CWE-285"], "task": null, "category": "access-control", "style": "django-view"}
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.urls import reverse_lazy
from django.views.generic import DeleteView, ListView, UpdateView

from .forms import RefundForm
from .models import Order


class RefundQueueView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    permission_required = "shop.view_refunds"
    raise_exception = True
    template_name = "backoffice/refund_queue.html"
    paginate_by = 50

    def get_queryset(self):
        return Order.objects.filter(refund_requested=True).order_by("-created_at")


class ApproveRefundView(LoginRequiredMixin, PermissionRequiredMixin, UpdateView):
    permission_required = "shop.approve_refund"
    raise_exception = True
    model = Order
    form_class = RefundForm
    template_name = "backoffice/approve_refund.html"
    success_url = reverse_lazy("backoffice:refunds")

    def form_valid(self, form):
        form.instance.refund_approved_by = self.request.user
        return super().form_valid(form)


class DeleteOrderView(LoginRequiredMixin, PermissionRequiredMixin, DeleteView):
    permission_required = "shop.delete_order"
    raise_exception = True
    model = Order
    success_url = reverse_lazy("backoffice:refunds")
